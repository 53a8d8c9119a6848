package com.example.crossclass.reach.aliasclose;

/** Starts a session and closes its client when the JVM stops. */
public class Shutdown {
    public static void main(String[] args) throws Exception {
        Session session = new Session();
        session.start();
        // quiet: a close in a shutdown hook (it is what makes the session's guard a finding)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> session.client.close()));
    }
}
