package com.example.clientshapes.wrapper;

/** Not configured as a guard, but contract v2 sees that the status callback sets it (through markDown). */
public final class LinkHealth {
    private volatile boolean down;

    public void markDown(boolean d) {
        down = d;
    }

    public boolean isDown() {
        return down;
    }
}
