package com.example.crossclass.reach.pluginsink;

/** Starts the forwarder with the sink its scheme names. */
public final class Main
{
    private Main() {}

    public static void main(String[] args)
    {
        new Forwarder(args[0], System.getenv("IOTHUB_DEVICE_CONNECTION_STRING")).send("hello");
    }
}
