/**
 * Real PostgreSQL for integration tests, never H2 and never a silent skip. The server is
 * chosen once per test JVM: the one named by {@code TEST_POSTGRES_URL}, else a
 * Testcontainers one where Docker runs, else an embedded one from Maven Central; every
 * test run gets fresh databases on it and drops them at the end.
 */
package org.crmbackoffice.testsupport;
