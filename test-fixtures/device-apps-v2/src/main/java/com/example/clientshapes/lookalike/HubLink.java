package com.example.clientshapes.lookalike;

/** Same simple name as the configured wrapper, different package: NOT a configured client type. */
public class HubLink {
    private boolean open;

    public void open() {
        open = true;
    }

    public void close() {
        open = false;
    }

    public boolean isOpen() {
        return open;
    }
}
