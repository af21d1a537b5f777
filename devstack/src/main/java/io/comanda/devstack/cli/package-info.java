/**
 * The {@code ./comanda} command: {@code up} starts the whole suite on this machine
 * ({@link io.comanda.devstack.cli.LocalStack}) and opens the launcher's control channel; the other
 * subcommands ({@code down}, {@code status}, {@code stop|start|restart|kill <part>}, {@code mail},
 * {@code trace}, {@code reindex}, {@code reconcile}, {@code dlq}, {@code chaos}) act on the running stack.
 * {@link io.comanda.devstack.cli.ComandaCommand} is its entry point.
 *
 * <p>Builds on {@code parts} (the parts it runs) and {@code clients} (how it talks to them); {@code chaos}
 * hands over to the fault suite. Nothing outside this package imports it.
 */
package io.comanda.devstack.cli;
