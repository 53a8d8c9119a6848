package com.example.crossclass.reach.helpercloses;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Uploads a batch over the client it is given: one helper closes it in a finally, the other forgets to. */
final class Uploader {
    private Uploader() {}

    static void upload(DeviceClient client) throws IotHubClientException {
        try {
            // quiet: check 1 - the job created this client just before (exemption b')
            client.open(false);
        } finally {
            // quiet: the helper's own close
            client.close();
        }
    }

    static void uploadAndForget(DeviceClient client) throws IotHubClientException {
        // quiet: check 1 - the job created this client just before (exemption b')
        client.open(false);
    }
}
