package io.comanda.devstack.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether search-indexer's documents say what orders-service's orders say: each of the soak's orders
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

    boolean equal() {
        return missing == 0 && differing == 0 && orders == documents;
    }
}
