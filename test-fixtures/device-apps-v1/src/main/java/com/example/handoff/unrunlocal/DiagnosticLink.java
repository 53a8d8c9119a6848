package com.example.handoff.unrunlocal;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The callback describes the recovery it would run (a task logged, never run) and hands the real one to an
 * executor: nothing runs on the callback's thread.
 */
public class DiagnosticLink
{
    private final DeviceClient client;
    private final ExecutorService recovery = Executors.newSingleThreadExecutor();

    public DiagnosticLink(DeviceClient client)
    {
        this.client = client;
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED
                && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                Runnable plan = () -> {
                    // quiet: check 3 - this task is only logged, never run
                    closeQuietly();
                };
                System.out.println("recovery planned: " + plan);
                recovery.execute(this::reopen);
            }
        }, null);
    }

    private void reopen()
    {
        closeQuietly();
        try
        {
            client.open();
        }
        catch (Exception e)
        {
            System.err.println("reopen failed: " + e.getMessage());
        }
    }

    private void closeQuietly()
    {
        try
        {
            client.closeNow();
        }
        catch (Exception e)
        {
            System.err.println("close failed: " + e.getMessage());
        }
    }
}
