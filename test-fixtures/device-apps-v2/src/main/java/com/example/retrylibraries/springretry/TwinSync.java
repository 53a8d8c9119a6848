package com.example.retrylibraries.springretry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;

/** Twin synchronisation whose retry templates carry listener classes of their own. */
public class TwinSync {
    private final DeviceClient twinClient;
    private final RetryTemplate closing = RetryTemplate.builder().maxAttempts(5).withListener(new ClosingListener()).build();
    private final RetryTemplate logging = RetryTemplate.builder().maxAttempts(5).withListener(new LoggingListener()).build();

    public TwinSync(String connectionString) {
        twinClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    final class ClosingListener implements RetryListener {
        @Override
        public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable t) {
            twinClient.close();
        }
    }

    static final class LoggingListener implements RetryListener {
        @Override
        public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable t) {
            System.err.println("twin sync attempt failed: " + t.getMessage());
        }
    }

    public void start() throws IotHubClientException {
        closing.execute(context -> {
            // quiet: the template's ClosingListener closes the client between attempts
            twinClient.open(true);
            return null;
        });
    }

    public void restart() throws IotHubClientException {
        logging.execute(context -> {
            // expect: IotHubOpenRetryWithoutClose
            twinClient.open(true);
            return null;
        });
    }
}
