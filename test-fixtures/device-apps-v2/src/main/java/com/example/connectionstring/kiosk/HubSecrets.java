package com.example.connectionstring.kiosk;

/** Connection-string constants kept in source. */
final class HubSecrets {

    private HubSecrets() {
    }

    static final String HUB = "HostName=contoso-kiosk.azure-devices.net;";
    static final String LOBBY_DEVICE = "DeviceId=lobby-sign-03;";
    static final String LOBBY_KEY = "SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwMw==";
    // quiet: declarations are not reported; the finding is at each client creation's argument
    static final String LOBBY_CS = HUB + LOBBY_DEVICE + LOBBY_KEY;
    static final String BACKUP_CS = HUB + "DeviceId=lobby-sign-04;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwNA==";
    static final String STAGING_CS = "HostName=contoso-staging.azure-devices.net;DeviceId=kiosk-stage-1;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwNQ==";
    static final String PROD_CS = "HostName=contoso-kiosk.azure-devices.net;DeviceId=kiosk-prod-1;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwNg==";
    static final String RAW_KEY = "dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwOA==";
    static final String MODULE_CS = "HostName=contoso-kiosk.azure-devices.net;DeviceId=edge-gw-01;ModuleId=thermal;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLW1vZHVsZS1rZXktMDAwNw==";

    /** Every return is a constant connection string. */
    static String defaultConnectionString() {
        if (BuildConfig.DEBUG) {
            return STAGING_CS;
        }
        return PROD_CS;
    }

    /** One return is read at run time. */
    static String configuredConnectionString() {
        String fromEnv = System.getenv("KIOSK_CS");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        return PROD_CS;
    }
}
