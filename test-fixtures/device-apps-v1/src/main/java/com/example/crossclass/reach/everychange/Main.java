package com.example.crossclass.reach.everychange;

public class Main {
    public static void main(String[] args) throws Exception {
        Session session = new Session(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), new LinkStatusCallback());
        session.open();
        for (int i = 0; i < 10_000; i++) {
            session.send("{\"n\":" + i + "}");
            Thread.sleep(2_000);
        }
    }
}
