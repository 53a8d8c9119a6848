package com.example.crossclass.reach.retrylibs;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Component;

/** Spring-Retry-annotated connection services. */
final class RetryingServices {
    private RetryingServices() {
    }

    @Component
    static class LinkService {
        private final DeviceClient client = new DeviceClient(System.getenv("LINK_CS"), IotHubClientProtocol.MQTT);

        @Retryable(retryFor = IotHubClientException.class, maxAttempts = 5)
        public void connect() throws IotHubClientException {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        }
    }

    @Component
    static class SelfConnectingService {
        private final DeviceClient client = new DeviceClient(System.getenv("SELF_CS"), IotHubClientProtocol.MQTT);

        @Retryable(retryFor = IotHubClientException.class, maxAttempts = 5)
        public void openLink() throws IotHubClientException {
            // quiet: "a @Retryable method retries only at such a call (Spring's proxy does not see self-calls)"; the only call is this.openLink() in start(): a single start-up open
            client.open(false);
        }

        public void start() throws IotHubClientException {
            openLink();
        }
    }

    /** Wired by the container with the two (proxied) services. */
    @Component
    static class Boot {
        private final LinkService linkService;
        private final SelfConnectingService selfConnectingService;

        Boot(LinkService linkService, SelfConnectingService selfConnectingService) {
            this.linkService = linkService;
            this.selfConnectingService = selfConnectingService;
        }

        void run() throws IotHubClientException {
            linkService.connect();
            selfConnectingService.start();
        }
    }
}
