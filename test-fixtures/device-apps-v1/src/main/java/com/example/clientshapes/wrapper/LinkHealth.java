package com.example.clientshapes.wrapper;

/** Looks like a guard, but is NOT configured as one. */
public final class LinkHealth {
    private volatile boolean down;

    public void markDown(boolean d) {
        down = d;
    }

    public boolean isDown() {
        return down;
    }
}
