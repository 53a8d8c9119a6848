/**
 * Reports over a build's LinkGuard findings that run outside javac, with nothing but this jar on the class path:
 * {@link io.github.linkguard.checker.report.SarifReport} turns a build log into SARIF for code scanning. The checks'
 * metadata comes from their {@code @BugPattern}s, read at build time by {@code RuleCatalogGenerator} into a
 * resource, because the checks themselves cannot be loaded without Error Prone.
 */
package io.github.linkguard.checker.report;
