/**
 * Load on a running stack's public API as real clients make it: {@link io.comanda.devstack.load.OrderLoad}
 * places orders at a steady rate, each under its own Idempotency-Key and retried until answered, with a
 * bounded number of clients in flight. The fault suite and the confirmation-latency benchmark both use it.
 */
package io.comanda.devstack.load;
