package io.github.linkguard.checker.analysis;

/** What a condition can establish about the connection status or the reason for it (see {@link Conditions}). */
public enum Claim {
  /** The last known status is DISCONNECTED. */
  DISCONNECTED,
  /** The status is CONNECTED (used to read the meaning of tracked booleans). */
  CONNECTED,
  /** The status is not CONNECTED (used to read the meaning of tracked booleans). */
  NOT_CONNECTED,
  /** The status is DISCONNECTED_RETRYING (used to read the meaning of tracked enum constants). */
  RETRYING,
  /** The reason is not CLIENT_CLOSE. */
  NOT_CLIENT_CLOSE
}
