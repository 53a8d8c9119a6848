package io.github.linkguard.checker.analysis;

/** A call that changes the connection of a client. */
public enum ConnectionOp {
  OPEN("open"),
  CLOSE("close"),
  CLOSE_NOW("closeNow");

  private final String methodName;

  ConnectionOp(String methodName) {
    this.methodName = methodName;
  }

  public String methodName() {
    return methodName;
  }

  public boolean closes() {
    return this != OPEN;
  }
}
