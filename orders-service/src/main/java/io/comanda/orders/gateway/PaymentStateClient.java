package io.comanda.orders.gateway;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * payments-service's payment-state API, called with the token of orders-service's service account
 * (client credentials of {@code comanda-orders}, which holds the realm role {@code reconciler} only).
 */
@RegisterRestClient(configKey = "payments")
@OidcClientFilter
@Path("/payments")
public interface PaymentStateClient {

    /** The order's payment; fails with 404 when payments-service has none. */
    @GET
    @Path("/{orderId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<PaymentState> byOrder(@PathParam("orderId") UUID orderId);
}
