package io.comanda.orders.api;

import io.comanda.orders.domain.OperatorCancel;
import io.comanda.orders.domain.OperatorCancellation;
import io.comanda.orders.persistence.OrderRepository;
import io.comanda.platform.problem.Problem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.UUID;

/** An operator's cancel of a PENDING order ({@link OperatorCancellation}). */
@Path("/orders/{id}/cancel")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the role admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OrderCancellationResource {

    private final OperatorCancellation cancellation;
    private final OrderRepository orders;
    private final SecurityIdentity identity;

    public OrderCancellationResource(OperatorCancellation cancellation, OrderRepository orders,
                                     SecurityIdentity identity) {
        this.cancellation = cancellation;
        this.orders = orders;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @WithSession
    @Operation(summary = "Cancel a PENDING order (operators)",
            description = "Moves the order to CANCELLED with the decline code cancelled_by_operator and the reason "
                    + "\"Cancelled by an operator: <reason>\", and announces OrderCancelled; payments-service refunds "
                    + "a charge it holds for the order. Only a PENDING order can be cancelled, once: a repeat is 409, "
                    + "so no Idempotency-Key is needed (one sent is ignored).")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = false,
            description = "Accepted and ignored: a repeated cancel is refused with 409",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "Cancelled: the order, now CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid body: a reason of 1 to 500 characters is required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order is not PENDING (already CONFIRMED or CANCELLED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderResponse> cancel(@PathParam("id") UUID id, @Valid @NotNull CancelOrderRequest request) {
        OperatorCancel cancel = new OperatorCancel(identity.getPrincipal().getName(), request.reason());
        return cancellation.cancel(id, cancel)
                .chain(cancelled -> orders.findById(id))
                .map(OrderResponse::of);
    }
}
