package io.github.linkguard.checker.analysis;

/**
 * The checks, by their user-facing names (never renamed). The order of the first three is the precedence when
 * several match the same open(): one call, one diagnostic.
 */
public enum CheckName {
  OPEN_WITHOUT_STATUS_GUARD("IotHubOpenWithoutStatusGuard"),
  OPEN_RETRY_WITHOUT_CLOSE("IotHubOpenRetryWithoutClose"),
  RECONNECT_ON_CALLBACK_THREAD("IotHubReconnectOnCallbackThread"),
  CLIENT_REPLACED_WITHOUT_CLOSE("IotHubClientReplacedWithoutClose"),
  REOPEN_AFTER_CLIENT_CLOSE("IotHubReopenAfterClientClose"),
  CONNECTION_STRING_IN_CODE("IotHubConnectionStringInCode");

  private final String userName;

  CheckName(String userName) {
    this.userName = userName;
  }

  /** The name users write in -Xep:, @SuppressWarnings and -XepPatchChecks:. */
  public String userName() {
    return userName;
  }
}
