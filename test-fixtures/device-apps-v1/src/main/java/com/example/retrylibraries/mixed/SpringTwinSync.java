package com.example.retrylibraries.mixed;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import java.io.IOException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;

/** Twin synchronisation on the 1.x SDK whose retry templates carry listener classes of their own. */
public class SpringTwinSync
{
    private final DeviceClient twinClient;
    private final RetryTemplate closing = new RetryTemplate();
    private final RetryTemplate logging = new RetryTemplate();

    public SpringTwinSync(DeviceClient twinClient)
    {
        this.twinClient = twinClient;
        closing.registerListener(new ClosingListener());
        logging.registerListener(new LoggingListener());
    }

    final class ClosingListener implements RetryListener
    {
        @Override
        public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable t)
        {
            try
            {
                twinClient.closeNow();
            }
            catch (IOException e)
            {
                System.err.println("close failed: " + e.getMessage());
            }
        }
    }

    static final class LoggingListener implements RetryListener
    {
        @Override
        public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable t)
        {
            System.err.println("twin sync attempt failed: " + t.getMessage());
        }
    }

    public void start() throws IOException
    {
        closing.execute(context -> {
            // quiet: the template's ClosingListener closes the client between attempts
            twinClient.open();
            return null;
        });
    }

    public void restart() throws IOException
    {
        logging.execute(context -> {
            // expect: IotHubOpenRetryWithoutClose
            twinClient.open();
            return null;
        });
    }
}
