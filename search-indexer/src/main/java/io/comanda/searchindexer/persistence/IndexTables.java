package io.comanda.searchindexer.persistence;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tables the indexer writes: always the live one, and while a rebuild runs its fresh table too,
 * so that events arriving during the rebuild reach the table that will be swapped in. Both writes
 * apply the same version rule, so their order against the rebuild's own writes does not matter.
 */
@ApplicationScoped
public class IndexTables {

    public static final String LIVE = "order_documents";
    public static final String FRESH = "order_documents_next";

    private volatile boolean rebuilding;

    public boolean rebuilding() {
        return rebuilding;
    }

    /** Live writes go to the fresh table as well from now on. */
    public void startDualWrites() {
        rebuilding = true;
    }

    public void stopDualWrites() {
        rebuilding = false;
    }
}
