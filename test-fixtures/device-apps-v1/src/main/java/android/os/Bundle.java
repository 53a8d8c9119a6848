package android.os;

/** Minimal stand-in for android.os.Bundle (compile-only stub). */
public class Bundle {
}
