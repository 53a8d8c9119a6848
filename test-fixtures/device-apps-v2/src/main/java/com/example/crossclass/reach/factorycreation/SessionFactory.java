package com.example.crossclass.reach.factorycreation;

/** Hands out sessions: a new one per upload, or the shared one for status reports. */
public class SessionFactory {
    private final String connectionString;
    private CachedSession shared;

    public SessionFactory(String connectionString) {
        this.connectionString = connectionString;
    }

    public UplinkSession newSession() {
        return new UplinkSession(connectionString);
    }

    public CachedSession sharedSession() {
        if (shared == null) {
            shared = new CachedSession(connectionString);
        }
        return shared;
    }
}
