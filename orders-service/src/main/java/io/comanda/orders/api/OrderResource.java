package io.comanda.orders.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.orders.domain.Order;
import io.comanda.orders.domain.OrderPlacement;
import io.comanda.orders.domain.OrderStatus;
import io.comanda.orders.idempotency.IdempotencyKey;
import io.comanda.orders.idempotency.RequestFingerprint;
import io.comanda.orders.idempotency.StoredResponse;
import io.comanda.orders.persistence.OrderRepository;
import io.comanda.platform.problem.Problem;
import io.comanda.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Orders over HTTP: placing one safely under retries, reading one, listing a page of them.
 * Customers see their own orders; admins see every order.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OrderResource {

    private static final String ADMIN = "admin";
    private static final String CUSTOMER = "customer";
    // page * size stays an int offset; a million pages of 100 are more orders than a listing pages through.
    private static final int MAX_PAGE = 1_000_000;
    private static final String STATUSES = Arrays.stream(OrderStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final OrderPlacement placement;
    private final OrderRepository orders;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public OrderResource(OrderPlacement placement, OrderRepository orders,
                         SecurityIdentity identity, JsonWebToken token, ObjectMapper json, MeterRegistry metrics) {
        this.placement = placement;
        this.orders = orders;
        this.identity = identity;
        this.token = token;
        this.json = json;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CUSTOMER)
    @Operation(summary = "Place an order",
            description = "Safe to retry: the same Idempotency-Key with the same body replays the first response "
                    + "(with Idempotent-Replayed: true) and never places a second order. Keys are scoped to the "
                    + "customer and remembered for 24 hours.")
    @APIResponse(responseCode = "201", description = "Placed (or replayed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, unknown product, or missing/malformed Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over the size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> place(
            @Parameter(description = "A unique value per order, e.g. a UUID", required = true,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull PlaceOrderRequest request) {
        IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
        String customerId = token.getSubject();
        String fingerprint = RequestFingerprint.of("POST", "/orders", write(request));
        return placement.place(customerId, key, fingerprint, request.toCommand(), this::created)
                .map(outcome -> {
                    metrics.counter(outcome.replayed() ? "comanda.orders.replayed" : "comanda.orders.placed").increment();
                    StoredResponse stored = outcome.response();
                    Response.ResponseBuilder response = Response.status(stored.status())
                            .type(MediaType.APPLICATION_JSON)
                            .entity(stored.body());
                    if (stored.location() != null) {
                        response.location(URI.create(stored.location()));
                    }
                    if (outcome.replayed()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.build();
                });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({CUSTOMER, ADMIN})
    @WithSession
    @Operation(summary = "Read an order", description = "Customers read their own orders; admins read any.")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderResponse> get(@PathParam("id") UUID id) {
        return orders.findById(id)
                .map(order -> {
                    // Someone else's order answers exactly like a missing one: existence is not revealed.
                    if (order == null || !(isAdmin() || order.isVisibleTo(token.getSubject()))) {
                        throw ProblemException.notFound("There is no order " + id + ".");
                    }
                    return OrderResponse.of(order);
                });
    }

    @GET
    @RolesAllowed({CUSTOMER, ADMIN})
    @WithSession
    @Operation(summary = "List orders, newest first",
            description = "Customers list their own orders; admins list all and may filter by customer.")
    @APIResponse(responseCode = "200", description = "A page of orders",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid status, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderPageResponse> list(@QueryParam("status") String status,
                                       @QueryParam("customer") String customer,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        OrderStatus statusFilter = parseStatus(status);
        String customerFilter = isAdmin() ? blankToNull(customer) : token.getSubject();
        return orders.page(customerFilter, statusFilter, page, size)
                .map(result -> new OrderPageResponse(
                        result.orders().stream().map(OrderResponse::of).toList(), page, size, result.total(),
                        (long) (page + 1) * size < result.total() ? nextLink(status, customer, page, size) : null));
    }

    private StoredResponse created(Order order) {
        return new StoredResponse(201, write(OrderResponse.of(order)), "/orders/" + order.id());
    }

    private boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status must be one of " + STATUSES + ".");
        }
    }

    private String nextLink(String status, String customer, int page, int size) {
        StringBuilder link = new StringBuilder("/orders?page=").append(page + 1).append("&size=").append(size);
        if (status != null && !status.isBlank()) {
            link.append("&status=").append(status.toUpperCase(Locale.ROOT));
        }
        if (isAdmin() && customer != null && !customer.isBlank()) {
            link.append("&customer=").append(URLEncoder.encode(customer, StandardCharsets.UTF_8));
        }
        return link.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
