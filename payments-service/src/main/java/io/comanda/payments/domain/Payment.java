package io.comanda.payments.domain;

import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentSucceeded;
import io.comanda.events.ComandaEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The payment of one order and its outcome. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "customer_id")
    private String customerId;
    private long amount;
    private String currency;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    @Column(name = "provider_reference")
    private String providerReference;
    @Column(name = "decline_code")
    private String declineCode;
    private String reason;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Payment() {
    }

    /** The payment of {@code order} as the provider's answer to its charge left it. */
    public static Payment fromCharge(OrderPlaced order, ChargeResult result, Instant now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.orderId = order.orderId();
        payment.customerId = order.customerId();
        payment.amount = order.total().amount();
        payment.currency = order.total().currency();
        payment.createdAt = now;
        if (result instanceof ChargeResult.Charged charged) {
            payment.status = PaymentStatus.SUCCEEDED;
            payment.providerReference = charged.providerReference();
        } else if (result instanceof ChargeResult.Declined declined) {
            payment.status = PaymentStatus.FAILED;
            payment.declineCode = declined.declineCode();
            payment.reason = declined.reason();
        }
        return payment;
    }

    /** The event that tells the suite how the payment ended. */
    public ComandaEvent outcomeEvent() {
        Money money = Money.of(amount, currency);
        return status == PaymentStatus.SUCCEEDED
                ? new PaymentSucceeded(id, orderId, customerId, money, providerReference, createdAt)
                : new PaymentFailed(id, orderId, customerId, money, declineCode, reason, createdAt);
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public PaymentStatus status() {
        return status;
    }

    public String customerId() {
        return customerId;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String providerReference() {
        return providerReference;
    }

    public String declineCode() {
        return declineCode;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
