package io.github.linkguard.checker.analysis;

import org.jspecify.annotations.Nullable;

/**
 * How a status callback names the new status and its reason: the 1.x parameters ({@code status},
 * {@code reason}) or the 2.x context's getters ({@code ctx.getNewStatus()}, {@code ctx.getNewStatusReason()}).
 * Source text, valid anywhere inside the callback's body.
 */
public record CallbackParameters(@Nullable String statusExpression, @Nullable String reasonExpression) {}
