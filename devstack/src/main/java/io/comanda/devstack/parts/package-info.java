/**
 * The managed real parts of the stack, without Docker: PostgreSQL, a Kafka broker (in this JVM or its
 * own), the Kafka Connect worker with Debezium, Keycloak, SMTP with IMAP, Zipkin and the packaged
 * services, each started from the artifacts the build resolved and ready only once its probe passes.
 *
 * <p>What lives here: the catalogue that names each part once ({@link io.comanda.devstack.parts.StackPart},
 * with its port, its readiness and what it keeps across a restart) and the stack's ports
 * ({@link io.comanda.devstack.parts.StackPorts}); a part while it runs
 * ({@link io.comanda.devstack.parts.ManagedPart}, {@link io.comanda.devstack.parts.ProcessPart} for one that is
 * an OS process of its own) and the one lifecycle that stops, starts again, restarts and kills it
 * ({@link io.comanda.devstack.parts.RestartablePart}), used by the launcher and the tests alike; the child
 * processes, their watchdog and sizing; and the one HTTP client that talks to the parts
 * ({@link io.comanda.devstack.parts.StackHttp}).
 *
 * <p>It depends on no other package of devstack: the test resources, the command line, the fault suite
 * and the test clients build on it.
 */
package io.comanda.devstack.parts;
