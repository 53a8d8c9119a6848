package android.os;

/** Compile-only stand-in for the Android class, so the Android-style samples build off-device. */
public class HandlerThread extends Thread {
  public HandlerThread(String name) {
    super(name);
  }

  public Looper getLooper() {
    return Looper.getMainLooper();
  }
}
