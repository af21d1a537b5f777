package io.comanda.devstack.faults;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether search-indexer's documents say what orders-service's orders say: each of a run's orders
 * has a document with its status, and the index holds as many documents as there are orders.
 *
 * @param compared   the soak's orders compared
 * @param missing    orders without a document
 * @param differing  documents whose status is not their order's
 * @param orders     every order orders-service holds
 * @param documents  every document search-indexer holds
 * @param examples   the first few orders concerned
 */
record SearchAgreement(int compared, int missing, int differing, long orders, long documents, List<String> examples) {

    private static final int EXAMPLES = 5;
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(5);

    /**
     * @param statuses  the soak's orders' statuses at orders-service, by order id
     * @param indexed   their documents' statuses at search-indexer, by order id (absent: no document)
     */
    static SearchAgreement of(Map<String, String> statuses, Map<String, String> indexed, long orders, long documents) {
        int missing = 0;
        int differing = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, String> order : statuses.entrySet()) {
            String document = indexed.get(order.getKey());
            if (document == null) {
                missing++;
            } else if (!document.equals(order.getValue())) {
                differing++;
            } else {
                continue;
            }
            if (examples.size() < EXAMPLES) {
                examples.add(order.getKey() + ": " + order.getValue() + " at orders-service, "
                        + (document == null ? "no document" : document + " in the index"));
            }
        }
        return new SearchAgreement(statuses.size(), missing, differing, orders, documents, List.copyOf(examples));
    }

    /** The index could not be read against the orders: every order counts as without a document. */
    static SearchAgreement notCompared(int orders, String why) {
        return new SearchAgreement(orders, Math.max(1, orders), 0, -1, -1, List.of("not compared: " + why));
    }

    /**
     * Compares the index with {@code orderIds}' orders until they agree, or {@code within} has passed.
     *
     * @return the last comparison
     */
    static SearchAgreement await(DatabaseFootprint database, List<String> orderIds, Duration within)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            SearchAgreement agreement;
            try {
                agreement = of(database.orderStatuses(orderIds), database.documentStatuses(orderIds),
                        database.orderCount(), database.documentCount());
            } catch (SQLException e) {
                agreement = notCompared(orderIds.size(), e.getMessage());
            }
            if (agreement.equal() || !Instant.now().isBefore(deadline)) {
                return agreement;
            }
            Thread.sleep(LOOK_AGAIN.toMillis());
        }
    }

    /** Each compared order has its document, with its status: what a run of the fault suite requires. */
    boolean everyOrderIndexed() {
        return missing == 0 && differing == 0;
    }

    /** {@link #everyOrderIndexed()}, and as many documents as orders in all: what the soak, on a stack of its own, requires. */
    boolean equal() {
        return missing == 0 && differing == 0 && orders == documents;
    }
}
