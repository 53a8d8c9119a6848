package io.github.linkguard.checker.analysis;

import java.util.EnumSet;
import java.util.Set;

/**
 * The LinkGuard checks that run in this compilation: each registers itself at the start of every compilation unit,
 * before any other matcher runs. When the check that would report an open() first is not running
 * ({@code -Xep:Name:OFF}, or not among {@code -XepPatchChecks}), the next one that matches reports it instead of
 * nobody.
 */
public final class EnabledChecks {
  private final Set<CheckName> running = EnumSet.noneOf(CheckName.class);

  void register(CheckName check) {
    running.add(check);
  }

  public boolean isEnabled(CheckName check) {
    return running.contains(check);
  }
}
