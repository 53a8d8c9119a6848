package com.example.connectionstring.android;

/**
 * What the Android Gradle plugin generates from the app's {@code buildConfigField} lines (checked in here because
 * the fixtures build without Gradle). The key is base64 of a fixed phrase, not a secret.
 */
public final class BuildConfig {
  public static final boolean DEBUG = false;
  public static final String APPLICATION_ID = "com.example.meter";
  public static final String BUILD_TYPE = "release";
  public static final String IOT_CONNECTION_STRING =
      "HostName=meters-prod.azure-devices.net;DeviceId=meter-app;"
          + "SharedAccessKey=TGlua0d1YXJkIGZpeHR1cmUga2V5LCBub3QgYSBzZWNyZXQ=";
  /** The debug flavour's value, copied from the SDK sample's README. */
  public static final String IOT_SAMPLE_CONNECTION_STRING =
      "HostName=<iothub_host_name>;DeviceId=<device_id>;SharedAccessKey=<device_key>";

  private BuildConfig() {}
}
