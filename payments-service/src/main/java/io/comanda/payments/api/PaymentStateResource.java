package io.comanda.payments.api;

import io.comanda.payments.persistence.PaymentStates;
import io.comanda.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * The payment state of an order, for whoever reconciles orders with payments: orders-service's
 * reconciliation (its service account) and operators. Customers have no business here.
 */
@Path("/payments")
public class PaymentStateResource {

    /** The realm role of the services and operators that may read payment states. */
    static final String RECONCILER = "reconciler";

    private final PaymentStates states;

    public PaymentStateResource(PaymentStates states) {
        this.states = states;
    }

    /** 404 problem+json when payments-service has no payment for the order (not yet, or never). */
    @GET
    @Path("/{orderId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(RECONCILER)
    public Uni<PaymentStateResponse> byOrder(@PathParam("orderId") UUID orderId) {
        return states.ofOrder(orderId).map(state -> {
            if (state == null) {
                throw ProblemException.notFound("There is no payment for order " + orderId + ".");
            }
            return PaymentStateResponse.of(state);
        });
    }
}
