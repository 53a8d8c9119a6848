package android.os;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Minimal stand-in for {@code android.os.Handler} so the activity code can be built and unit-tested on a plain JVM.
 * Everything posted runs, in order, on one background "looper" thread.
 */
public class Handler {
  private final ScheduledExecutorService looper =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "main-looper");
            thread.setDaemon(true);
            return thread;
          });

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
