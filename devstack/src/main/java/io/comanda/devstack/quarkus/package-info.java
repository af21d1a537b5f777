/**
 * Quarkus test resources on the real parts: each hands a service under test the configuration of one
 * part ({@code kafka.bootstrap.servers}, {@code quarkus.datasource.*}, {@code quarkus.oidc.auth-server-url},
 * ...), and every test class of a JVM shares the same parts, started once on first demand by
 * {@link io.comanda.devstack.quarkus.TestStack} and stopped when the JVM exits.
 *
 * <p>What lives here: the test resources, the parts' records that every class loader of the test JVM
 * shares ({@link io.comanda.devstack.quarkus.SharedParts}), the outages a test may cause (stopping and
 * starting again the broker, PostgreSQL or the SMTP server) and plain JDBC on the application's database
 * ({@link io.comanda.devstack.quarkus.TestDatabase}). Builds on {@code parts}; never used by the command line.
 */
package io.comanda.devstack.quarkus;
