package com.example.crossclass.reach.injectedsink;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Publishes through a sink injected by its constructor, typed by a JDK interface: the executor's task runs the
 * accept() of each object the code passes to the constructor.
 */
public class Messenger
{
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Consumer<String> sink;

    public Messenger(Consumer<String> sink)
    {
        this.sink = sink;
    }

    public void publish(String message)
    {
        executor.execute(() -> sink.accept(message));
    }
}
