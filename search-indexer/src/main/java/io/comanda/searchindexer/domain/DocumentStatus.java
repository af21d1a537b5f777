package io.comanda.searchindexer.domain;

/** Where an order stands, as its events tell it. */
public enum DocumentStatus {
    PENDING,
    CONFIRMED,
    CANCELLED
}
