package com.example.statuscallback.reasons;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;

/**
 * Reconnect policies shipped with a device-agent library; every device profile picks one. Each
 * policy hands the reconnect to a worker (never on the callback thread).
 */
public final class ReconnectPolicies {
    private ReconnectPolicies() {
    }

    /** Shared worker body: close, then open. */
    static void cycle(DeviceClient client) {
        client.close();
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("reconnect failed: " + e.getStatusCode());
        }
    }

    abstract static class Base implements IotHubConnectionStatusChangeCallback {
        final DeviceClient client;
        final ExecutorService worker;

        Base(DeviceClient client, ExecutorService worker) {
            this.client = client;
            this.worker = worker;
        }
    }

    /** Checks the reason with !=. */
    static final class NotClientClose extends Base {
        NotClientClose(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                worker.execute(() -> cycle(client));
            }
        }
    }

    /** Checks the reason with !equals, receiver first. */
    static final class NotEqualsReceiverFirst extends Base {
        NotEqualsReceiverFirst(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
            if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus())
                    && !reason.equals(IotHubConnectionStatusChangeReason.CLIENT_CLOSE)) {
                worker.execute(() -> cycle(client));
            }
        }
    }

    /** Only reconnects when the retry policy expired. */
    static final class OnlyRetryExpired extends Base {
        OnlyRetryExpired(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                    worker.execute(() -> cycle(client));
                }
            }
        }
    }

    /** Early exit on CLIENT_CLOSE. */
    static final class EarlyExit extends Base {
        EarlyExit(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                System.out.println("closed by the application");
                return;
            }
            if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            worker.execute(() -> cycle(client));
        }
    }

    /** Switch on the reason; CLIENT_CLOSE does nothing. */
    static final class ReasonSwitch extends Base {
        ReasonSwitch(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
                    case CLIENT_CLOSE:
                        break;
                    case BAD_CREDENTIAL:
                    case EXPIRED_SAS_TOKEN:
                        System.err.println("credentials need attention");
                        break;
                    default:
                        worker.execute(() -> cycle(client));
                        break;
                }
            }
        }
    }

    /** Switch on the reason, but CLIENT_CLOSE falls through into the reconnect. */
    static final class ReasonSwitchFallThrough extends Base {
        ReasonSwitchFallThrough(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
                    case BAD_CREDENTIAL:
                        System.err.println("bad credential");
                        break;
                    case CLIENT_CLOSE:
                        System.out.println("client closed");
                    case RETRY_EXPIRED:
                    case COMMUNICATION_ERROR:
                        worker.execute(() -> cycle(client));
                        break;
                    default:
                        break;
                }
            }
        }
    }

    /** Credential problems are refreshed, everything else reconnects -- including CLIENT_CLOSE. */
    static final class CredentialAware extends Base {
        CredentialAware(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL
                        || reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
                    System.err.println("refreshing credentials first");
                    worker.execute(() -> cycle(client));
                } else {
                    worker.execute(() -> cycle(client));
                }
            }
        }
    }

    /** Checks the reason only for logging. */
    static final class LogsReasonOnly extends Base {
        LogsReasonOnly(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            IotHubConnectionStatus newStatus = ctx.getNewStatus();
            // expect: IotHubReopenAfterClientClose
            if (newStatus == IotHubConnectionStatus.DISCONNECTED) {
                if (!IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                    System.err.println("link lost: " + ctx.getNewStatusReason());
                }
                worker.submit(() -> cycle(client));
            }
        }
    }

    /** Handles CLIENT_CLOSE in an if/else. */
    static final class IfElseOnReason extends Base {
        IfElseOnReason(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    System.out.println("bye");
                } else {
                    new Thread(() -> cycle(client)).start();
                }
            }
        }
    }

    /** Arrow switch on the status with the reason tested in the DISCONNECTED arm. */
    static final class ArrowSwitch extends Base {
        ArrowSwitch(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            switch (ctx.getNewStatus()) {
                case CONNECTED -> System.out.println("up");
                case DISCONNECTED_RETRYING -> System.out.println("sdk retrying");
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED -> worker.execute(() -> cycle(client));
            }
        }
    }

    /** Reconnects synchronously through a same-class helper. */
    static final class Synchronous extends Base {
        Synchronous(DeviceClient c, ExecutorService w) {
            super(c, w);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                reopenNow();
            }
        }

        private void reopenNow() {
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("sync reopen failed: " + e.getStatusCode());
            }
        }
    }
}
