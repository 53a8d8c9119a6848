package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A call that changes the connection of a client. */
public enum ConnectionOp {
  OPEN,
  CLOSE,
  CLOSE_NOW,
  /**
   * {@code multiplexingClient.unregisterDeviceClient(client)}: how a multiplexed client is closed. Its own close()
   * throws UnsupportedOperationException; unregistering closes its device session, and its status callback then gets
   * DISCONNECTED with CLIENT_CLOSE. The client is the argument, not the receiver.
   */
  UNREGISTER;

  public boolean closes() {
    return this != OPEN;
  }

  /** javac's interned names of open, close, closeNow and unregisterDeviceClient in one compiler's name table. */
  private record ConnectionNames(Names names, Name open, Name close, Name closeNow, Name unregister) {}

  private static volatile @Nullable ConnectionNames connectionNames;

  /**
   * OPEN, CLOSE or CLOSE_NOW by the called method's simple name alone, or null: the checks' first test of every call
   * of every compilation unit, SDK or not. Names are compared as javac's interned names, so no call costs a String;
   * the names are looked up once per compiler (a holder replaced whole, so concurrent compilers stay right).
   */
  public static @Nullable ConnectionOp byName(MethodInvocationTree call) {
    ConnectionOp op = anyByName(call);
    return op == UNREGISTER ? null : op;
  }

  /** As {@link #byName}, and UNREGISTER for a call named unregisterDeviceClient. */
  static @Nullable ConnectionOp anyByName(MethodInvocationTree call) {
    Name name = CalledName.of(call);
    if (name == null) {
      return null;
    }
    ConnectionNames known = namesOf(name);
    return name == known.open() ? OPEN
        : name == known.close() ? CLOSE
        : name == known.closeNow() ? CLOSE_NOW
        : name == known.unregister() ? UNREGISTER
        : null;
  }

  /**
   * {@code DeviceClient::close}, {@code client::closeNow}: a method reference to a client's close, the one connection
   * call with no call tree of its own ({@code clients.forEach(DeviceClient::close)}). The name is tested first; the
   * type test is the caller's ({@code sdk::isClientType}, passed so that this enum stays below {@link IotHubSdk}).
   */
  static boolean isClientCloseReference(MemberReferenceTree reference, Predicate<@Nullable Type> isClientType) {
    Name name = (Name) reference.getName();
    ConnectionNames known = namesOf(name);
    return (name == known.close() || name == known.closeNow())
        && isClientType.test(ASTHelpers.getType(reference.getQualifierExpression()));
  }

  /** The connection names of the name table {@code name} is in, looked up once per compiler. */
  private static ConnectionNames namesOf(Name name) {
    Names names = name.table.names; // the name's own table: no lookup in the compiler's context per call
    ConnectionNames known = connectionNames;
    if (known == null || known.names() != names) {
      known =
          new ConnectionNames(
              names,
              names.fromString("open"),
              names.fromString("close"),
              names.fromString("closeNow"),
              names.fromString("unregisterDeviceClient"));
      connectionNames = known;
    }
    return known;
  }
}
