package com.example.crossclass.reach.pluginsink;

import java.util.function.Consumer;

/** Another sink of the registry: it never touches a client. */
class LogSink implements Consumer<String>
{
    @Override
    public void accept(String message)
    {
        System.out.println(message);
    }
}
