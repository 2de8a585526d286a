package org.crmbackoffice.testsupport;

/** A database created for this test run, with what a client needs to connect to it. */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {
}
