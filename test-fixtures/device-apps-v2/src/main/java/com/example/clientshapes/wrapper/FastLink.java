package com.example.clientshapes.wrapper;

import java.net.URISyntaxException;

/** Subclass of the configured wrapper type. */
public class FastLink extends HubLink {
    public FastLink(String connectionString) throws URISyntaxException {
        super(connectionString);
    }
}
