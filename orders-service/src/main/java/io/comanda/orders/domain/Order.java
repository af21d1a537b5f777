package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A customer's order: its priced lines, its total and where it stands. */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private String customerId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Column(name = "total_amount")
    private long totalAmount;
    private String currency;
    @Column(name = "payment_method")
    private String paymentMethod;
    private String note;
    @Column(name = "decline_reason")
    private String declineReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    /**
     * Prices a new order from the catalogue.
     *
     * @throws InvalidOrderException when products are inactive or in different currencies
     */
    public static Order place(UUID id, String customerId, List<PricedQuantity> quantities, String paymentMethod,
                              String note, Instant now) {
        if (quantities.isEmpty()) {
            throw new InvalidOrderException("An order needs at least one item.");
        }
        Order order = new Order();
        order.id = id;
        order.customerId = customerId;
        order.status = OrderStatus.PENDING;
        order.paymentMethod = paymentMethod;
        order.note = note;
        order.createdAt = now;
        order.updatedAt = now;
        // The order's first version; every event announces the version it leads to (see OrderPlaced).
        order.version = 1;
        Money total = null;
        for (PricedQuantity quantity : quantities) {
            Product product = quantity.product();
            if (!product.isActive()) {
                throw new InvalidOrderException("Product " + product.sku() + " is no longer sold.");
            }
            OrderLine line = new OrderLine(order.lines.size() + 1, product, quantity.quantity());
            order.lines.add(line);
            Money lineTotal = product.unitPrice().times(quantity.quantity());
            if (total != null && !total.currency().equals(lineTotal.currency())) {
                throw new InvalidOrderException("All items of one order must be priced in the same currency.");
            }
            total = total == null ? lineTotal : total.plus(lineTotal);
        }
        order.totalAmount = total.amount();
        order.currency = total.currency();
        return order;
    }

    /** The event that tells the rest of the suite about this new order. */
    public OrderPlaced placedEvent() {
        return new OrderPlaced(id, customerId, lines.stream().map(l -> l.toLineItem(currency)).toList(),
                total(), paymentMethod, createdAt, note, version);
    }

    /**
     * Applies the payment's outcome: PENDING becomes CONFIRMED or CANCELLED.
     *
     * @return the event announcing the change, or empty when the order is no longer PENDING (an
     *         outcome arriving twice, or after another one): a transition that cannot happen
     */
    public Optional<ComandaEvent> settle(ComandaEvent paymentOutcome, Instant now) {
        if (status != OrderStatus.PENDING) {
            return Optional.empty();
        }
        Settlement settlement = Settlement.of(paymentOutcome);
        updatedAt = now;
        status = settlement.status();
        if (settlement.declineReason() != null) {
            declineReason = settlement.declineReason();
        }
        // Hibernate writes the loaded version plus one when this change flushes, in this transaction.
        return Optional.of(settlement.announcement(paymentOutcome, id, customerId, total(), now, version + 1));
    }

    public boolean isVisibleTo(String customer) {
        return customerId.equals(customer);
    }

    public UUID id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public Money total() {
        return Money.of(totalAmount, currency);
    }

    public String currency() {
        return currency;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public String note() {
        return note;
    }

    public String declineReason() {
        return declineReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The order's version: 1 when placed, one more with each change; what its events carry. */
    public long version() {
        return version;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    /**
     * A product and how many of it.
     *
     * @param product  the catalogue entry
     * @param quantity how many, already validated
     */
    public record PricedQuantity(Product product, int quantity) {
    }
}
