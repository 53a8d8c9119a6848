package com.example.connectionstring.kiosk;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** A second creation from the same generated constant: reported again ("once per client creation"). */
class DiagnosticsUploader {

    void upload() throws IotHubClientException {
        // expect: IotHubConnectionStringInCode
        DeviceClient uploader = new DeviceClient(BuildConfig.IOT_CONNECTION_STRING, IotHubClientProtocol.AMQPS);
        uploader.open(false);
        try {
            uploader.sendEvent(new Message("{\"diag\":\"ok\"}"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            uploader.close();
        }
    }
}
