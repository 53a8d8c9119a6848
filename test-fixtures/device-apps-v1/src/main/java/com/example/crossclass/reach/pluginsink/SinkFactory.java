package com.example.crossclass.reach.pluginsink;

import java.net.URISyntaxException;
import java.util.function.Consumer;

/** Chooses the sink by scheme, as plug-in registries do. */
final class SinkFactory
{
    private SinkFactory() {}

    static Consumer<String> create(String scheme, String connectionString) throws URISyntaxException
    {
        if ("azure".equals(scheme))
        {
            return new AzureSink(connectionString);
        }
        return new LogSink();
    }
}
