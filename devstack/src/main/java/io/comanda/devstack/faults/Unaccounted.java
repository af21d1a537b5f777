package io.comanda.devstack.faults;

/**
 * What the stack gained during a scenario beyond the orders its clients were told of: each is a duplicate
 * effect, such as a request whose order committed before orders-service died, placed again as another
 * order by its retry.
 *
 * @param orders  the customer's new orders minus those answered 201
 * @param charges new successful charges at Stripe minus those of the orders answered 201
 */
record Unaccounted(long orders, long charges) {
}
