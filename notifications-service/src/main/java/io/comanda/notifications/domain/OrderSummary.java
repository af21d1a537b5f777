package io.comanda.notifications.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.comanda.events.EventJson;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lines and total of a placed order, kept from {@code OrderPlaced} for the later mails whose events
 * carry no lines.
 */
@Entity
@Table(name = "order_summary")
public class OrderSummary {

    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {
    };

    @Id
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "customer_id")
    private String customerId;
    private String items;
    @Column(name = "total_amount")
    private long totalAmount;
    private String currency;
    @Column(name = "placed_at")
    private Instant placedAt;

    protected OrderSummary() {
    }

    public static OrderSummary of(OrderPlaced placed) {
        OrderSummary summary = new OrderSummary();
        summary.orderId = placed.orderId();
        summary.customerId = placed.customerId();
        try {
            summary.items = EventJson.mapper().writeValueAsString(placed.items());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lines of order " + placed.orderId(), e);
        }
        summary.totalAmount = placed.total().amount();
        summary.currency = placed.total().currency();
        summary.placedAt = placed.occurredAt();
        return summary;
    }

    public UUID orderId() {
        return orderId;
    }

    public List<LineItem> items() {
        try {
            return EventJson.mapper().readValue(items, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lines of order " + orderId, e);
        }
    }

    public Money total() {
        return Money.of(totalAmount, currency);
    }
}
