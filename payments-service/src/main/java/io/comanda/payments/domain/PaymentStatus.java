package io.comanda.payments.domain;

/** The outcome of the one payment attempt of an order. */
public enum PaymentStatus {
    SUCCEEDED,
    FAILED
}
