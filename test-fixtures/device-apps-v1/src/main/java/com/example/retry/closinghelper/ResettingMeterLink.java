package com.example.retry.closinghelper;

import java.io.IOException;
import java.net.URISyntaxException;

/** Closes whatever the last attempt left before the base class opens again. */
class ResettingMeterLink extends MeterLink {
    ResettingMeterLink(String connectionString) throws URISyntaxException {
        super(connectionString);
    }

    @Override
    protected void connect() throws IOException {
        client.closeNow();
        super.connect();
    }
}
