package com.example.crossclass.reach.injectedsink;

/** Wires a messenger to the hub, and one to the console. */
public final class Main
{
    private Main() {}

    public static void main(String[] args) throws Exception
    {
        Messenger hub = new Messenger(new HubSink(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING")));
        Messenger console = new Messenger(System.out::println);
        hub.publish("{\"temperature\": 21.5}");
        console.publish("started");
    }
}
