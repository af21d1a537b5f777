package io.comanda.devstack.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Watches the load's accepted orders until each is final (CONFIRMED or CANCELLED), noting when each was
 * first seen final: the measure of how long the stack took to catch up after a fault. The customer's
 * PENDING list says which orders may have moved; each of those is read on its own to be sure.
 */
final class FinalOrders implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(250);

    private final StackApi api;
    private final Supplier<Collection<String>> accepted;
    private final Map<String, Instant> finalAt = new ConcurrentHashMap<>();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean closed;

    /**
     * @param accepted the ids of the orders accepted so far, read again on every round
     */
    FinalOrders(StackApi api, Supplier<Collection<String>> accepted) {
        this.api = api;
        this.accepted = accepted;
        this.watcher = new Thread(this::watch, "final-orders");
        this.watcher.setDaemon(true);
        this.watcher.start();
    }

    /** Waits until every one of {@code orderIds} is final, or {@code within} has passed. */
    void await(Collection<String> orderIds, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!finalAt.keySet().containsAll(orderIds) && Instant.now().isBefore(deadline)) {
            Thread.sleep(EVERY.toMillis());
        }
    }

    /** When the order was first seen final; empty while it is not. */
    Optional<Instant> finalAt(String orderId) {
        return Optional.ofNullable(finalAt.get(orderId));
    }

    /** Its final status; empty while it is not final. */
    Optional<String> status(String orderId) {
        return Optional.ofNullable(statuses.get(orderId));
    }

    private void watch() {
        while (!closed) {
            try {
                Set<String> pending = api.pendingOrderIds();
                for (String id : accepted.get()) {
                    if (!finalAt.containsKey(id) && !pending.contains(id)) {
                        api.orderStatus(id).filter(status -> !"PENDING".equals(status)).ifPresent(status -> {
                            statuses.put(id, status);
                            finalAt.put(id, Instant.now());
                        });
                    }
                }
            } catch (RuntimeException e) {
                // orders-service is down or restarting during a fault: look again next round.
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
    }
}
