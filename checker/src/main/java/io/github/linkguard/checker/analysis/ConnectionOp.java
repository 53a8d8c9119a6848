package io.github.linkguard.checker.analysis;

/** A call that changes the connection of a client. */
public enum ConnectionOp {
  OPEN,
  CLOSE,
  CLOSE_NOW;

  public boolean closes() {
    return this != OPEN;
  }
}
