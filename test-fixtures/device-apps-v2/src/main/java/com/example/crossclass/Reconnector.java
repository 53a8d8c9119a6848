package com.example.crossclass;

/** Implemented twice; only one implementation is ever created, and only it is reached from the callback. */
public interface Reconnector {
    void reconnect() throws Exception;
}
