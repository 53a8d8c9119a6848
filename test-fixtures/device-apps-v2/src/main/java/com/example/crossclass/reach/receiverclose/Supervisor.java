package com.example.crossclass.reach.receiverclose;

import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Connects links and feeds, retrying until each is up: "same client" follows the receiver of each call. */
public class Supervisor {
    static void resetFirst(Link link) throws InterruptedException {
        while (true) {
            try {
                link.reset();
                link.connect();
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(1000);
            }
        }
    }

    static void resetInTheCatch(Link link) throws InterruptedException {
        while (true) {
            try {
                link.connect();
                return;
            } catch (IotHubClientException e) {
                link.reset();
                Thread.sleep(1000);
            }
        }
    }

    static void resetsTheStandby(Feed feed, Feed standby) throws InterruptedException {
        while (true) {
            try {
                standby.reset();
                feed.connect();
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(1000);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        resetFirst(new Link(args[0]));
        resetInTheCatch(new Link(args[1]));
        resetsTheStandby(new Feed(args[2]), new Feed(args[3]));
    }
}
