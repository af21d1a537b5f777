package io.comanda.payments.persistence;

import io.comanda.payments.domain.Payment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Payments in PostgreSQL. Call inside a session or transaction of the caller. */
@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    public Uni<Boolean> existsForOrder(UUID orderId) {
        return count("orderId", orderId).map(count -> count > 0);
    }
}
