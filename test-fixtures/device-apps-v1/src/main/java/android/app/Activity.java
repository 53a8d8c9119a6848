package android.app;

import android.os.Bundle;

/** Minimal stand-in for android.app.Activity (compile-only stub). */
public class Activity {
    protected void onCreate(Bundle savedInstanceState) {
    }

    protected void onResume() {
    }

    protected void onDestroy() {
    }
}
