package android.os;

/** Compile-only stand-in for the Android class, so the Android-style samples build off-device. */
public final class Looper {
  private static final Looper MAIN = new Looper();

  private Looper() {}

  public static Looper getMainLooper() {
    return MAIN;
  }
}
