package com.example.crossclass.reach.callbackdefault;

public class Main {
    public static void main(String[] args) throws Exception {
        Gateway gateway = new Gateway(System.getenv("GATEWAY_CONNECTION_STRING"));
        gateway.connect();
        Thread.sleep(3_600_000L);
        gateway.disconnect();
    }
}
