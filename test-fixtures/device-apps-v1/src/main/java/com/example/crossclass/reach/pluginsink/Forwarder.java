package com.example.crossclass.reach.pluginsink;

import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Sends through a field typed by a library interface (java.util.function.Consumer) holding the module's own sink:
 * the executor's task runs AzureSink.accept, whose open() has no status guard.
 */
public class Forwarder
{
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Consumer<String> sink;

    public Forwarder(String scheme, String connectionString) throws URISyntaxException
    {
        sink = SinkFactory.create(scheme, connectionString);
    }

    public void send(String message)
    {
        executor.submit(() -> sink.accept(message));
    }
}
