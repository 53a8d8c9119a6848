package com.example.crossclass.reach.retrylibs;

public class Main {
    public static void main(String[] args) throws Exception {
        new FailsafeLinks.Uplink(System.getenv("UPLINK_CS")).connect();
        new FailsafeLinks.SafeUplink(System.getenv("SAFE_UPLINK_CS")).connect();

        Resilience resilience = new Resilience(System.getenv("COMMANDS_CS"), System.getenv("TELEMETRY_CS"),
                System.getenv("TWIN_CS"));
        resilience.connectCommands();
        resilience.connectTelemetry();
        resilience.connectTwin();
        // LinkService, SelfConnectingService and Boot are created and wired by the Spring container.
    }
}
