package io.github.linkguard.checker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The two generations of the Azure IoT device SDK. They share package names, so each test compilation puts exactly
 * one of them on its class path: the real jars Maven copied into target/sdk/.
 */
enum Sdk {
  V1("linkguard.sdk.v1"),
  V2("linkguard.sdk.v2");

  private final String property;

  Sdk(String property) {
    this.property = property;
  }

  /** javac arguments that put this generation's jars on the class path. */
  List<String> classPathArgs() {
    return List.of("-cp", classPath());
  }

  String classPath() {
    return jarsIn(property);
  }

  /** The jars of the folder a Maven-set system property names, as a class path. */
  static String jarsIn(String property) {
    String folder = System.getProperty(property);
    if (folder == null) {
      throw new IllegalStateException("System property " + property + " is not set: run the tests with Maven");
    }
    try (Stream<Path> jars = Files.list(Path.of(folder))) {
      String classPath =
          jars.filter(jar -> jar.toString().endsWith(".jar"))
              .sorted()
              .map(Path::toString)
              .collect(Collectors.joining(File.pathSeparator));
      if (classPath.isEmpty()) {
        throw new IllegalStateException("No jars in " + folder);
      }
      return classPath;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
