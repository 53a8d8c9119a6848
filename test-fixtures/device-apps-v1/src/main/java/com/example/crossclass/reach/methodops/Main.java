package com.example.crossclass.reach.methodops;

public class Main {
    public static void main(String[] args) throws Exception {
        Ops ops = new Ops(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        ops.connect();
        ops.client().subscribeToDeviceMethod(new MethodHandler(ops), null, (status, context) -> {}, null);
        Thread.currentThread().join();
    }
}
