package io.comanda.orders.gateway;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;
import java.util.UUID;

/** What payments-service knows of an order's payment; nothing is an answer, not an error. */
@ApplicationScoped
public class Payments {

    private final PaymentStateClient client;

    public Payments(@RestClient PaymentStateClient client) {
        this.client = client;
    }

    /** Empty when payments-service has no payment for the order; fails when it cannot be asked. */
    public Uni<Optional<PaymentState>> ofOrder(UUID orderId) {
        return client.byOrder(orderId).map(Optional::of)
                .onFailure(Payments::isNotFound).recoverWithItem(Optional.empty());
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
