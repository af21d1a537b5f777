package io.comanda.orders.domain;

/** Where an order stands. PENDING until its payment outcome arrives; then final. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED
}
