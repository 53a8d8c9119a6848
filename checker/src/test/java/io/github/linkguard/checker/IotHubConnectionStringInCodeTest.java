package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;
import static java.nio.charset.StandardCharsets.US_ASCII;

import com.google.errorprone.CompilationTestHelper;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IotHubConnectionStringInCodeTest {
  /**
   * A key that looks real to the check (44 characters of Base64) and is not a secret: generated here, so that no key
   * is written in this file. The sources below say {@code KEY} where it goes.
   */
  private static final String KEY =
      Base64.getEncoder().encodeToString("LinkGuard test key: not a secret!".getBytes(US_ASCII));

  private static String[] withKey(String source) {
    return lines(source.replace("KEY", KEY));
  }

  private CompilationTestHelper compile(Sdk sdk, String... extraArgs) {
    return Sources.compile(IotHubConnectionStringInCode.class, sdk, getClass(), extraArgs);
  }

  @Test
  void placeholdersRunTimeValuesAndConstantsThatReachNoClientAreQuiet_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "Quiet.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.file.Files;
                import java.nio.file.Path;

                class Quiet {
                  // the SDK samples' ways of saying "put yours here"
                  static final String SAMPLE = "[device connection string]";
                  static final String ANGLE = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=<your key>";
                  static final String CROSSES =
                      "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
                  static final String TEMPLATE = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=${DEVICE_KEY}";
                  static final String ELLIPSIS = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=AbCdEfGh...IjKlMnOpQr";
                  static final String YOURS = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=YourDeviceKeyGoesHere12=";
                  static final String SHORT = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=c2VjcmV0";
                  static final String EMPTY = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=";
                  static final String NOT_BASE64 = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=not base64, but long enough";
                  static final String NO_DEVICE = "HostName=hub.azure-devices.net;SharedAccessKey=KEY";
                  static final String SAS = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessSignature=SharedAccessSignature sr=x";
                  // a real-looking one that never reaches a client
                  static final String UNUSED = "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=KEY";
                  static final String PATTERN = "HostName=hub.azure-devices.net;DeviceId=%s;SharedAccessKey=KEY";

                  private String fromConfig;

                  void placeholders() {
                    new DeviceClient(SAMPLE, IotHubClientProtocol.MQTT);
                    new DeviceClient(ANGLE, IotHubClientProtocol.MQTT);
                    new DeviceClient(CROSSES, IotHubClientProtocol.MQTT);
                    new DeviceClient(TEMPLATE, IotHubClientProtocol.MQTT);
                    new DeviceClient(ELLIPSIS, IotHubClientProtocol.MQTT);
                    new DeviceClient(YOURS, IotHubClientProtocol.MQTT);
                    new DeviceClient(SHORT, IotHubClientProtocol.MQTT);
                    new DeviceClient(EMPTY, IotHubClientProtocol.MQTT);
                    new DeviceClient(NOT_BASE64, IotHubClientProtocol.MQTT);
                    new DeviceClient(NO_DEVICE, IotHubClientProtocol.MQTT);
                    new DeviceClient(SAS, IotHubClientProtocol.MQTT);
                    new ModuleClient("HostName=h;DeviceId=d;ModuleId=m;SharedAccessKey=<module key>", IotHubClientProtocol.AMQPS);
                  }

                  void runTimeValues(String[] args) throws Exception {
                    new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.MQTT);
                    new DeviceClient(System.getProperty("connectionString"), IotHubClientProtocol.MQTT);
                    new DeviceClient(args[0], IotHubClientProtocol.MQTT);
                    new DeviceClient(Files.readString(Path.of("/etc/device/connection")), IotHubClientProtocol.MQTT);
                    // a constant that is only part of a run-time value, or a format pattern
                    new DeviceClient(UNUSED + System.getenv("SUFFIX"), IotHubClientProtocol.MQTT);
                    new DeviceClient(String.format(PATTERN, args[1]), IotHubClientProtocol.MQTT);
                    // a field that is not only ever a constant
                    new DeviceClient(fromConfig, IotHubClientProtocol.MQTT);
                    String local = UNUSED;
                    local = System.getenv("CS");
                    new DeviceClient(local, IotHubClientProtocol.MQTT);
                    new DeviceClient(pick(args.length), IotHubClientProtocol.MQTT);
                    connect(UNUSED);
                    connect(System.getenv("OTHER"));
                    connectOnlyFromOutside(UNUSED + "");
                  }

                  void configure(String value) {
                    fromConfig = value;
                    fromConfig = UNUSED;
                  }

                  private static String pick(int count) {
                    if (count > 1) {
                      return UNUSED;
                    }
                    return System.getenv("CS");
                  }

                  private void connect(String connectionString) {
                    new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                  }

                  // no call site in the compilation
                  public void neverCalled(String connectionString) {
                    new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                  }

                  private void connectOnlyFromOutside(String connectionString) {
                    log(UNUSED);
                  }

                  void log(String text) {}

                  // a constant for a host name and a device id, not a connection string
                  void tokenProvider(SasTokenProvider provider) {
                    new DeviceClient("hub.azure-devices.net", "d1", provider, IotHubClientProtocol.MQTT);
                    new MultiplexingClient("hub.azure-devices.net", IotHubClientProtocol.AMQPS);
                  }
                }
                """))
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void everyWayAConstantReachesAClient_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "com/example/app/BuildConfig.java",
            withKey(
                """
                package com.example.app;

                /** What the Android Gradle plugin generates from buildConfigField. */
                public final class BuildConfig {
                  public static final boolean DEBUG = false;
                  public static final String IOT_CONNECTION_STRING =
                      "HostName=hub.azure-devices.net;DeviceId=android-build;SharedAccessKey=KEY";
                }
                """))
        .addSourceLines(
            "Secrets.java",
            withKey(
                """
                final class Secrets {
                  static final String HOST = "HostName=hub.azure-devices.net;";
                  static final String GATEWAY = HOST + "DeviceId=gateway-7;" + "SharedAccessKey=KEY";
                }
                """))
        .addSourceLines(
            "Reaching.java",
            withKey(
                """
                import com.example.app.BuildConfig;
                import com.microsoft.azure.sdk.iot.device.*;

                class Reaching {
                  private static final String OWN = "HostName=hub.azure-devices.net;DeviceId=own;SharedAccessKey=KEY";
                  private String assignedOnce;
                  private final String fromConstructor;

                  Reaching() {
                    assignedOnce = OWN;
                    fromConstructor = Secrets.GATEWAY;
                  }

                  void forms(boolean primary) {
                    // BUG: Diagnostic contains: device 'literal'
                    new DeviceClient("HostName=hub.azure-devices.net;DeviceId=literal;SharedAccessKey=KEY",
                        IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'gateway-7'
                    new DeviceClient(Secrets.GATEWAY, IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'android-build'
                    new DeviceClient(BuildConfig.IOT_CONNECTION_STRING, IotHubClientProtocol.MQTT);
                    String local = BuildConfig.IOT_CONNECTION_STRING;
                    // BUG: Diagnostic contains: device 'android-build'
                    new DeviceClient(local, IotHubClientProtocol.AMQPS);
                    // BUG: Diagnostic contains: device 'own'
                    new DeviceClient(assignedOnce, IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'gateway-7'
                    new DeviceClient(this.fromConstructor, IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'own'
                    new DeviceClient(connectionString(), IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'own', device 'gateway-7' is written into the program, key included. Every copy of the program connects as one of these identities
                    new DeviceClient(primary ? OWN : Secrets.GATEWAY, IotHubClientProtocol.MQTT);
                    connect(OWN);
                    connect(OWN);
                    new Telemetry(Secrets.GATEWAY);
                  }

                  private String connectionString() {
                    return OWN;
                  }

                  private void connect(String connectionString) {
                    // BUG: Diagnostic contains: device 'own'
                    new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                  }

                  static final class Telemetry {
                    private final DeviceClient client;

                    Telemetry(String connectionString) {
                      // BUG: Diagnostic contains: device 'gateway-7'
                      client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                    }
                  }

                  void module() {
                    // BUG: Diagnostic contains: module 'filter' of device 'edge-1'
                    new ModuleClient("HostName=h;DeviceId=edge-1;ModuleId=filter;SharedAccessKey=KEY",
                        IotHubClientProtocol.AMQPS);
                  }
                }
                """))
        .doTest();
  }

  /** A switch expression whose every arm yields such a constant reaches the client as a {@code ?:} of them does. */
  /**
   * A record holding the connection string: its canonical constructor stores each argument in the component's field
   * (in code javac writes), and the accessor returns it, so a constant passed at every creation of the record reaches
   * the client unchanged. A compact constructor that changes the parameter, or one run-time creation, makes it quiet.
   */
  @Test
  void aConstantKeptInARecord_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "Records.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Records {
                  static final String LAB = "HostName=hub.azure-devices.net;DeviceId=lab-01;SharedAccessKey=KEY";

                  record HubConfig(String connectionString, IotHubClientProtocol protocol) {}

                  record TrimmedConfig(String connectionString) {
                    TrimmedConfig {
                      connectionString = connectionString.strip();
                    }
                  }

                  record CheckedConfig(String connectionString) {
                    CheckedConfig {
                      if (connectionString.isEmpty()) {
                        throw new IllegalArgumentException("no connection string");
                      }
                    }

                    @Override
                    public String connectionString() {
                      return connectionString;
                    }
                  }

                  record SharedConfig(String connectionString) {}

                  void connect(String fromArgs) {
                    HubConfig config = new HubConfig(LAB, IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'lab-01'
                    new DeviceClient(config.connectionString(), config.protocol());
                    CheckedConfig checked = new CheckedConfig(LAB);
                    // BUG: Diagnostic contains: device 'lab-01'
                    new DeviceClient(checked.connectionString(), IotHubClientProtocol.MQTT);
                    TrimmedConfig trimmed = new TrimmedConfig(LAB);
                    new DeviceClient(trimmed.connectionString(), IotHubClientProtocol.MQTT);
                    SharedConfig shared = new SharedConfig(LAB);
                    new DeviceClient(shared.connectionString(), IotHubClientProtocol.MQTT);
                    new SharedConfig(fromArgs);
                  }
                }
                """))
        .doTest();
  }

  /** A parameter the method assigns before the client gets it no longer holds its callers' constant unchanged. */
  @Test
  void aParameterChangedBeforeItReachesTheClient_v1() {
    compile(Sdk.V1)
        .addSourceLines(
            "Reassigned.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Reassigned {
                  static final String LAB = "HostName=hub.azure-devices.net;DeviceId=lab-01;SharedAccessKey=KEY";
                  static final String SPARE = "HostName=hub.azure-devices.net;DeviceId=spare-01;SharedAccessKey=KEY";

                  void start() throws Exception {
                    connectTrimmed(LAB);
                    connectWithFallback(LAB);
                  }

                  private void connectTrimmed(String connectionString) throws Exception {
                    connectionString = connectionString.trim();
                    new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                  }

                  private void connectWithFallback(String connectionString) throws Exception {
                    if (connectionString.isEmpty()) {
                      connectionString = SPARE;
                    }
                    // BUG: Diagnostic contains: one of these identities
                    new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void constantsChosenByASwitchExpression_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "MeterUplink.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class MeterUplink {
                  enum Site { LAB, STAGING, FIELD }

                  static final String LAB = "HostName=hub.azure-devices.net;DeviceId=meter-lab;SharedAccessKey=KEY";
                  static final String FIELD = "HostName=hub.azure-devices.net;DeviceId=meter-field;SharedAccessKey=KEY";

                  void connect(Site site) {
                    String chosen =
                        switch (site) {
                          case LAB, STAGING -> LAB;
                          case FIELD -> {
                            System.out.println("field unit");
                            yield FIELD;
                          }
                        };
                    // BUG: Diagnostic contains: device 'meter-lab', device 'meter-field'
                    new DeviceClient(chosen, IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'meter-lab', device 'meter-field'
                    new DeviceClient(forSite(site), IotHubClientProtocol.MQTT);
                    String fromEnvironment =
                        switch (site) {
                          case LAB -> LAB;
                          default -> System.getenv("METER_CS");
                        };
                    new DeviceClient(fromEnvironment, IotHubClientProtocol.MQTT);
                  }

                  private static String forSite(Site site) {
                    return switch (site) {
                      case LAB, STAGING -> LAB;
                      case FIELD -> FIELD;
                    };
                  }
                }
                """))
        .doTest();
  }

  @Test
  void constantsChosenByASwitchExpression_v1() {
    compile(Sdk.V1)
        .addSourceLines(
            "MeterUplink.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class MeterUplink {
                  enum Site { LAB, STAGING, FIELD }

                  static final String LAB = "HostName=hub.azure-devices.net;DeviceId=meter-lab;SharedAccessKey=KEY";
                  static final String FIELD = "HostName=hub.azure-devices.net;DeviceId=meter-field;SharedAccessKey=KEY";

                  void connect(Site site) throws Exception {
                    String chosen =
                        switch (site) {
                          case LAB, STAGING -> LAB;
                          case FIELD -> {
                            System.out.println("field unit");
                            yield FIELD;
                          }
                        };
                    // BUG: Diagnostic contains: device 'meter-lab', device 'meter-field'
                    new DeviceClient(chosen, IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'meter-lab', device 'meter-field'
                    new DeviceClient(forSite(site), IotHubClientProtocol.MQTT);
                    String fromEnvironment =
                        switch (site) {
                          case LAB -> LAB;
                          default -> System.getenv("METER_CS");
                        };
                    new DeviceClient(fromEnvironment, IotHubClientProtocol.MQTT);
                  }

                  private static String forSite(Site site) {
                    return switch (site) {
                      case LAB, STAGING -> LAB;
                      case FIELD -> FIELD;
                    };
                  }
                }
                """))
        .doTest();
  }

  @Test
  void everyWayAConstantReachesAClient_v1() {
    compile(Sdk.V1)
        .addSourceLines(
            "com/example/app/BuildConfig.java",
            withKey(
                """
                package com.example.app;

                public final class BuildConfig {
                  public static final String IOT_CONNECTION_STRING =
                      "HostName=hub.azure-devices.net;DeviceId=android-build;SharedAccessKey=KEY";
                }
                """))
        .addSourceLines(
            "Legacy.java",
            withKey(
                """
                import com.example.app.BuildConfig;
                import com.microsoft.azure.sdk.iot.device.*;

                class Legacy {
                  private static String connectionString = "HostName=hub.azure-devices.net;DeviceId=legacy;SharedAccessKey=KEY";

                  public static void main(String[] args) throws Exception {
                    // BUG: Diagnostic contains: device 'legacy'
                    DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: device 'android-build'
                    new DeviceClient(BuildConfig.IOT_CONNECTION_STRING, IotHubClientProtocol.AMQPS_WS, (ClientOptions) null);
                    // BUG: Diagnostic contains: module 'm' of device 'edge'
                    new ModuleClient("HostName=h;DeviceId=edge;ModuleId=m;SharedAccessKey=KEY", IotHubClientProtocol.MQTT);
                    new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                    new DeviceClient("HostName=h;DeviceId=d;SharedAccessKey=[device key]", IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void theMessageNamesTheIdentityAndBothRisksButNeverTheKey_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "Leak.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Leak {
                  void connect() {
                    // BUG: Diagnostic matches: SECRET_HIDDEN
                    new DeviceClient("HostName=hub.azure-devices.net;DeviceId=pump-3;SharedAccessKey=KEY",
                        IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .expectErrorMessage(
            "SECRET_HIDDEN",
            message ->
                !message.contains(KEY)
                    && !message.contains(KEY.substring(0, 8))
                    && message.contains("device 'pump-3'")
                    && message.contains("409002")
                    && message.contains("holding the binary also holds the device's key")
                    && message.contains("environment variable")
                    && message.contains("Device Provisioning Service (DPS)"))
        .doTest();
  }

  /** The arguments a lambda gets are written where it is called, out of sight: quiet, and no crash. */
  @Test
  void lambdaParametersAreOpaque_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "Factories.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.function.Function;
                import java.util.function.Supplier;

                class Factories {
                  static final String CS = "HostName=h;DeviceId=lambda;SharedAccessKey=KEY";

                  Function<String, Supplier<DeviceClient>> factory() {
                    return connectionString -> () -> new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                  }

                  DeviceClient create() {
                    return factory().apply(CS).get();
                  }
                }
                """))
        .expectNoDiagnostics()
        .doTest();
  }

  /**
   * A connection string concatenated over several lines is reported on the line where the argument starts (javac alone
   * would place it at its last {@code +}; adjacent literals alone it folds into one, placed at the first).
   */
  @Test
  void aConcatenationOverSeveralLinesIsReportedOnItsFirstLine_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "Kiosk.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Kiosk {
                  private static final String DEVICE = "kiosk-7";

                  DeviceClient connect() throws Exception {
                    return new DeviceClient(
                        // BUG: Diagnostic contains: The connection string of device 'kiosk-7'
                        "HostName=shop-hub.azure-devices.net;DeviceId="
                            + DEVICE
                            + ";SharedAccessKey=KEY",
                        IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aConcatenationOverSeveralLinesIsReportedOnItsFirstLine_v1() {
    compile(Sdk.V1)
        .addSourceLines(
            "Kiosk.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Kiosk {
                  private static final String DEVICE = "kiosk-7";

                  DeviceClient connect() throws Exception {
                    return new DeviceClient(
                        // BUG: Diagnostic contains: The connection string of device 'kiosk-7'
                        "HostName=shop-hub.azure-devices.net;DeviceId="
                            + DEVICE
                            + ";SharedAccessKey=KEY",
                        IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  /** The same creation, reported in one method and silent in the one that suppresses the check. */
  @Test
  void suppressedByName_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "IntegrationTest.java",
            withKey(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class IntegrationTest {
                  @SuppressWarnings("IotHubConnectionStringInCode")
                  void againstTheTestHub() {
                    new DeviceClient("HostName=test-hub;DeviceId=ci;SharedAccessKey=KEY", IotHubClientProtocol.MQTT);
                  }

                  void notSuppressed() {
                    // BUG: Diagnostic contains: The connection string of device 'ci'
                    new DeviceClient("HostName=test-hub;DeviceId=ci;SharedAccessKey=KEY", IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  /** A configured wrapper whose constructor takes the connection string is a client creation too. */
  @Test
  void configuredWrapperTakingAConnectionString_v2() {
    compile(Sdk.V2, "-XepOpt:IotHub:ClientTypes=com.acme.HubLink")
        .addSourceLines(
            "com/acme/HubLink.java",
            lines(
                """
                package com.acme;

                public class HubLink {
                  public HubLink(String name, String connectionString) {}

                  public void open() {}

                  public void close() {}
                }
                """))
        .addSourceLines(
            "Plant.java",
            withKey(
                """
                import com.acme.HubLink;

                class Plant {
                  void start() {
                    // BUG: Diagnostic contains: device 'press-2'
                    new HubLink("press", "HostName=h;DeviceId=press-2;SharedAccessKey=KEY").open();
                  }
                }
                """))
        .doTest();
  }

  /**
   * With a compile policy other than simple, javac may not have attributed the other files yet, or may have lowered
   * them already: what comes from there is not seen (no finding, no crash); constants in the file itself still are.
   */
  @Test
  void otherFilesAreOpaqueUnderTheByFilePolicy_v2() {
    String[] device =
        lines(
            """
            import com.microsoft.azure.sdk.iot.device.*;

            class Device {
              private final DeviceClient client;

              Device(String connectionString) {
                client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
              }
            }
            """);
    String[] main =
        withKey(
            """
            import com.microsoft.azure.sdk.iot.device.*;

            class Main {
              static final String CS = "HostName=h;DeviceId=main;SharedAccessKey=KEY";

              public static void main(String[] args) {
                new Device(CS);
                String local = CS;
                // BUG: Diagnostic contains: device 'main'
                new DeviceClient(local, IotHubClientProtocol.MQTT);
              }
            }
            """);
    // Main not attributed yet when Device is analysed
    compile(Sdk.V2, "-XDcompilePolicy=byfile")
        .addSourceLines("Device.java", device)
        .addSourceLines("Main.java", main)
        .doTest();
    // Main already lowered when Device is analysed
    compile(Sdk.V2, "-XDcompilePolicy=byfile")
        .addSourceLines("Main.java", main)
        .addSourceLines("Device.java", device)
        .doTest();
  }

  /** Under the simple policy (the documented one), the same code is seen across files. */
  @Test
  void parametersAreFollowedAcrossFiles_v2() {
    compile(Sdk.V2)
        .addSourceLines(
            "Device.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Device {
                  private final DeviceClient client;

                  Device(String connectionString) {
                    // BUG: Diagnostic contains: device 'main'
                    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .addSourceLines(
            "Main.java",
            withKey(
                """
                class Main {
                  static final String CS = "HostName=h;DeviceId=main;SharedAccessKey=KEY";

                  public static void main(String[] args) {
                    new Device(CS);
                  }
                }
                """))
        .doTest();
  }
}
