package io.comanda.searchindexer.persistence;

/**
 * The tables the indexer writes: always the live one, and while a rebuild runs its fresh table too, so
 * that events arriving during the rebuild reach the table that will be swapped in. Whether a rebuild
 * runs is the database's to say (its fresh table exists), not a flag of one instance: every instance
 * writes to the fresh table while any of them rebuilds. Both writes apply the same version rule, so
 * their order against the rebuild's own writes does not matter.
 */
public final class IndexTables {

    public static final String LIVE = "order_documents";
    public static final String FRESH = "order_documents_next";

    /** Whether a rebuild's table exists; in a transaction that wrote the live table, it cannot be swapped in meanwhile. */
    static final String REBUILDING = "select to_regclass('" + FRESH + "') is not null as rebuilding";

    private IndexTables() {
    }
}
