package io.github.linkguard.checker.analysis;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity a device or module connection string names, read from a constant of the program. It deliberately
 * keeps no part of the key: whatever is built from it (a message, a log line) cannot leak the secret.
 *
 * @param deviceId the {@code DeviceId} part
 * @param moduleId the {@code ModuleId} part, or null for a device connection string
 */
public record DeviceConnectionString(String deviceId, @Nullable String moduleId) {
  // Equality written out, the same as the generated one, for a cold process's sake (see ConnectionCall).
  @Override
  public boolean equals(Object other) {
    return other instanceof DeviceConnectionString identity
        && Objects.equals(deviceId, identity.deviceId)
        && Objects.equals(moduleId, identity.moduleId);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(deviceId) + Objects.hashCode(moduleId);
  }

  private static final int SHORTEST_REAL_KEY = 20;

  /** Text in a key that marks it as a placeholder, as the SDK's samples and READMEs write them. */
  private static final List<String> PLACEHOLDER_MARKS =
      List.of("<", ">", "[", "]", "{", "}", "$", "...", "xxx", "your");

  /**
   * The identity of {@code text} when it is a connection string ({@code key=value;} parts) with a {@code DeviceId}
   * and a real-looking {@code SharedAccessKey}; null for anything else, placeholders included. Part names match
   * without regard to case, as the SDK's own parser does.
   */
  public static @Nullable DeviceConnectionString withRealKey(String text) {
    String deviceId = null;
    String moduleId = null;
    String key = null;
    for (String part : text.split(";", -1)) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String name = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String value = part.substring(equals + 1);
      switch (name) {
        case "deviceid" -> deviceId = value;
        case "moduleid" -> moduleId = value;
        case "sharedaccesskey" -> key = value;
        default -> {}
      }
    }
    if (deviceId == null || key == null || isPlaceholder(key)) {
      return null;
    }
    return new DeviceConnectionString(deviceId, moduleId);
  }

  /**
   * The contract's placeholder rule: empty, shorter than 20 characters, not Base64, or written the way samples mark a
   * value to fill in.
   */
  static boolean isPlaceholder(String key) {
    if (key.length() < SHORTEST_REAL_KEY) {
      return true;
    }
    String lowerCase = key.toLowerCase(Locale.ROOT);
    for (String mark : PLACEHOLDER_MARKS) {
      if (lowerCase.contains(mark)) {
        return true;
      }
    }
    try {
      Base64.getDecoder().decode(key);
      return false;
    } catch (IllegalArgumentException notBase64) {
      return true;
    }
  }

  /** {@code device 'id'} or {@code module 'id' of device 'id'}: what a message may say about the identity. */
  public String describe() {
    return moduleId == null
        ? "device '" + deviceId + "'"
        : "module '" + moduleId + "' of device '" + deviceId + "'";
  }
}
