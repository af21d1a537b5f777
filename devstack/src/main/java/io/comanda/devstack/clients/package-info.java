/**
 * Clients of a running stack for the tests of every module, the command line and the fault suite:
 * access tokens from Keycloak and the realm's users, a mailbox read over IMAP, records produced onto and
 * read from Kafka topics, traces read from Zipkin, metric samples, malformed requests and forged tokens
 * that a service must refuse, and the client of the launcher's control channel.
 *
 * <p>Builds on {@code parts} (the HTTP client, the catalogue); knows nothing of Quarkus, the command line
 * or the fault suite.
 */
package io.comanda.devstack.clients;
