/**
 * The fault suite behind {@code ./comanda chaos}: on a running stack, a steady load of orders while
 * parts are killed, stopped and restarted one scenario after another, then every order's effects
 * counted at the stack's public interfaces (nothing lost, nothing done twice, nothing dead-lettered).
 *
 * <p>It drives parts through the launcher's control channel and reads the stack through the test
 * clients ({@code clients}) and the stack's ports ({@code parts}); it does not import the command line.
 */
package io.comanda.devstack.faults;
