/**
 * Automatically generated file. DO NOT MODIFY
 */
package com.example.connectionstring.kiosk;

public final class BuildConfig {
  public static final boolean DEBUG = Boolean.parseBoolean("false");
  public static final String APPLICATION_ID = "com.contoso.kiosk";
  public static final String BUILD_TYPE = "release";
  public static final int VERSION_CODE = 42;
  public static final String VERSION_NAME = "4.2.0";
  // Field from build type: release
  // quiet: check 6 is reported "at its connection-string argument", not at the constant's declaration
  public static final String IOT_CONNECTION_STRING = "HostName=contoso-kiosk.azure-devices.net;DeviceId=kiosk-0007;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwMQ==";
  // Field from default config.
  public static final String IOT_CONNECTION_STRING_TEMPLATE = "HostName=contoso-kiosk.azure-devices.net;DeviceId=kiosk-0007;SharedAccessKey=<device-key>";
}
