package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Start-up retry constructs in 2.x, closing between attempts in every carrying-on path. */
public class RetryForms {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeviceClient client;
    private final DeviceClient spare;
    private int tries;

    public RetryForms() {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT_WS);
        spare = new DeviceClient(Util.CS.replace("dev1", "spare"), IotHubClientProtocol.MQTT_WS);
    }

    /** do/while on a flag set after open(); close in the catch. */
    public void doWhileFlag() throws InterruptedException {
        boolean done = false;
        do {
            try {
                client.open(false);
                done = true;
            } catch (IotHubClientException e) {
                client.close();
                TimeUnit.SECONDS.sleep(2);
            }
        } while (!done);
    }

    /** Bounded for, close first in each iteration, break on success. */
    public void boundedCloseFirst() {
        for (int i = 0; i < 8; i++) {
            client.close();
            try {
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                Util.pause(250L << i);
            }
        }
    }

    /** finally with a success flag. */
    public void finallyFlag() {
        int attempt = 0;
        while (attempt++ < 5) {
            boolean opened = false;
            try {
                client.open(true);
                opened = true;
                return;
            } catch (IotHubClientException e) {
                System.err.println("attempt " + attempt + " failed: " + e.getStatusCode());
            } finally {
                if (!opened) {
                    client.close();
                }
            }
            Util.pause(1000);
        }
    }

    /** A catch that gives up (return / rethrow) does not need to close; the carrying-on one does. */
    public void mixedCatches() throws InterruptedException {
        while (true) {
            try {
                spare.open(false);
                return;
            } catch (IotHubClientException e) {
                if (e.isRetryable()) {
                    spare.close();
                    Thread.sleep(1000);
                    continue;
                }
                return;
            } catch (IllegalStateException e) {
                throw e;
            }
        }
    }

    /** Retry by rescheduling the method from the catch, closing first: a retry construct ("by scheduling
     *  it") whose scheduled round continues the path of the failed one, so it is no root of its own; the
     *  close between attempts satisfies check 2. */
    public void scheduledRetry() {
        try {
            // quiet: check 2 - the catch closes the client before it schedules the next attempt
            spare.open(false);
        } catch (IotHubClientException e) {
            spare.close();
            scheduler.schedule(this::scheduledRetry, 5, TimeUnit.SECONDS);
        }
    }

    /** Recursion with close before retry. */
    public void recursive(int attempt) {
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            client.close();
            if (attempt < 3) {
                recursive(attempt + 1);
            }
        }
    }

    // ---- near misses ----

    /** Near miss: while(!done) loop without a close. */
    public void flagNoClose() {
        boolean done = false;
        while (!done) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                spare.open(false);
                done = true;
            } catch (IotHubClientException e) {
                Util.pause(1000);
            }
        }
    }

    /** Near miss: the close in finally is on the success path only. */
    public void finallyWrongWay() {
        for (int i = 0; i < 3; i++) {
            boolean opened = false;
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                opened = true;
                break;
            } catch (IotHubClientException e) {
                Util.pause(500);
            } finally {
                if (opened) {
                    System.out.println("opened on attempt " + i);
                }
            }
        }
    }

    /** Near miss: rescheduling itself from the catch without a close. */
    public void scheduledRetryNoClose() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            spare.open(false);
        } catch (IotHubClientException e) {
            tries++;
            scheduler.schedule(this::scheduledRetryNoClose, 5, TimeUnit.SECONDS);
        }
    }
}
