package io.comanda.notifications.domain;

/** The statuses an order passes through, as customers see them live. */
public enum OrderStatus {
    PENDING, CONFIRMED, CANCELLED
}
