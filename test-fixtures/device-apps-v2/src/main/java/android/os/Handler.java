package android.os;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stand-in for {@code android.os.Handler} so that the activity compiles on a plain JDK: each handler owns one
 * background "looper" thread.
 */
public class Handler {
  private final ScheduledExecutorService looper = Executors.newSingleThreadScheduledExecutor();

  public Handler() {}

  /** The handler of a looper thread ({@code new Handler(Looper.getMainLooper())}). */
  public Handler(Looper looper) {}

  public final boolean post(Runnable r) {
    looper.execute(r);
    return true;
  }

  public final boolean postDelayed(Runnable r, long delayMillis) {
    looper.schedule(r, delayMillis, TimeUnit.MILLISECONDS);
    return true;
  }
}
