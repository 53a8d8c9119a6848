package com.example.clientshapes.lookalike;

/** Same simple name as the configured guard class, different package: NOT a configured guard. */
public class LinkState {
    private volatile boolean down;

    public void set(boolean d) {
        down = d;
    }

    public boolean isDown() {
        return down;
    }
}
