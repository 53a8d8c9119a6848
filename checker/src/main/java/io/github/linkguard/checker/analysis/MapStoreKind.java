package io.github.linkguard.checker.analysis;

/**
 * How a call on a {@code Map} may store a value over the one its key holds (check 4(b)). The scan decides the kind of
 * each such call once ({@link MapStores}); the rule and the finding's advice read it from there.
 */
public enum MapStoreKind {
  /** {@code put}, and Java 21's SequencedMap {@code putFirst}/{@code putLast(key, value)}. */
  PUT,
  /** {@code replace(key, value)}: stores the value only where the key holds one. */
  REPLACE,
  /** {@code replace(key, oldValue, newValue)}: stores only where the key holds {@code oldValue}. */
  CONDITIONAL_REPLACE,
  /** {@code compute}/{@code computeIfPresent(key, function)}: stores what the function returns. */
  COMPUTE,
  /** {@code merge(key, value, function)}: stores the value, or what the function returns where the key holds one. */
  MERGE;

  /** Whether the call stores its last argument as it is (no function decides what is stored). */
  public boolean storesItsLastArgument() {
    return this == PUT || this == REPLACE || this == CONDITIONAL_REPLACE;
  }

  /** Whether the call returns the value it replaced, which the caller can close. */
  public boolean returnsTheReplacedValue() {
    return this == PUT || this == REPLACE;
  }
}
