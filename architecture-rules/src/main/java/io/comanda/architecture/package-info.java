/**
 * The architecture of Comanda as rules: each module's {@code ArchitectureTest} checks its main classes
 * with {@link io.comanda.architecture.ArchitectureRules} and, in a service,
 * {@link io.comanda.architecture.HexagonalArchitecture}.
 */
package io.comanda.architecture;
