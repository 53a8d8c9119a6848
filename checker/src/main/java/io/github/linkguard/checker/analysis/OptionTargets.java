package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * Whether the types and methods that the options name exist for this compilation: an option naming a class that is
 * neither among the sources nor on the class path does nothing, and a user should hear of it. Looks without side
 * effects: a class is looked up in javac's symbol table (where the sources and every class they use are) and as a
 * file on the class path, never loaded, so that the fast exits keep working.
 */
final class OptionTargets {
  private OptionTargets() {}

  /** One message per configured class or guard method this compilation cannot find. */
  static List<String> missing(VisitorState state, LinkGuardOptions options) {
    List<String> messages = new ArrayList<>();
    for (String type : options.clientTypes()) {
      if (known(state, type) == null && !onClassPath(state, type)) {
        messages.add(notFound(LinkGuardOptions.CLIENT_TYPES, "class " + type));
      }
    }
    for (Map.Entry<String, Set<String>> owner : options.guardMethods().entrySet()) {
      ClassSymbol ownerSymbol = known(state, owner.getKey());
      if (ownerSymbol == null) {
        if (!onClassPath(state, owner.getKey())) {
          messages.add(notFound(LinkGuardOptions.GUARD_METHODS, "class " + owner.getKey()));
        }
        continue; // on the class path but unused here: its methods do not matter to this compilation
      }
      for (String method : owner.getValue()) {
        if (!hasMethod(state, ownerSymbol, method)) {
          messages.add(
              String.format(
                  "-XepOpt:%s: %s has no method %s (nor do its supertypes), so %s#%s guards nothing",
                  LinkGuardOptions.GUARD_METHODS, owner.getKey(), method, owner.getKey(), method));
        }
      }
    }
    return messages;
  }

  private static String notFound(String option, String what) {
    return String.format(
        "-XepOpt:%s: %s is neither among this compilation's sources nor on its class path, so the option does"
            + " nothing here (expected where it lives in another module)",
        option, what);
  }

  /** The class, if the sources declare it or the compilation has already read it. */
  private static @Nullable ClassSymbol known(VisitorState state, String qualifiedName) {
    for (String binaryName : LinkGuardOptions.binaryNames(qualifiedName)) {
      for (ClassSymbol symbol : state.getSymtab().getClassesForName(state.getName(binaryName))) {
        return symbol;
      }
    }
    return null;
  }

  private static boolean onClassPath(VisitorState state, String qualifiedName) {
    JavaFileManager files = state.context.get(JavaFileManager.class);
    if (files == null) {
      return true; // cannot tell: say nothing
    }
    for (String binaryName : LinkGuardOptions.binaryNames(qualifiedName)) {
      try {
        if (files.getJavaFileForInput(StandardLocation.CLASS_PATH, binaryName, JavaFileObject.Kind.CLASS) != null) {
          return true;
        }
      } catch (IOException | IllegalArgumentException e) {
        return true; // an unreadable class path entry or a location this file manager lacks: say nothing
      }
    }
    return false;
  }

  private static boolean hasMethod(VisitorState state, ClassSymbol owner, String method) {
    try {
      owner.complete();
      for (Type type : state.getTypes().closure(owner.type)) {
        for (Symbol member : type.tsym.members().getSymbolsByName(state.getName(method))) {
          if (member instanceof MethodSymbol) {
            return true;
          }
        }
      }
      return false;
    } catch (CompletionFailure e) {
      return true; // a broken class file: not the option's fault
    }
  }
}
