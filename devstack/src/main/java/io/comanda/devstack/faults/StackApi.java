package io.comanda.devstack.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.load.CustomerToken;
import io.comanda.devstack.parts.StackHttp;
import io.comanda.devstack.parts.StackPart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fault suite reads of a running stack, through its public interfaces only: orders-service's
 * orders (as their customer), payments-service's payment of an order (as a reconciler), the Stripe
 * emulator's ledger of PaymentIntents, and the dead letters waiting at each consuming service (as an admin).
 */
final class StackApi {

    /** The services with consumers, whose dead letters are counted. */
    private static final List<StackPart> CONSUMING_SERVICES = StackPart.services();
    /** The services whose consumers deduplicate through an inbox (search-indexer's upserts are ordered by version instead). */
    private static final List<StackPart> INBOX_SERVICES = List.of(StackPart.ORDERS, StackPart.PAYMENTS,
            StackPart.NOTIFICATIONS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> urls;
    private final CustomerToken customer;
    private final CustomerToken operator;

    /**
     * @param urls     base URL by part: {@code orders}, {@code payments}, {@code notifications}, {@code search},
     *                 {@code stripe}, and the services' management interfaces, e.g. {@code orders-management}
     * @param customer the customer who places the load's orders
     * @param operator a user with the realm roles {@code admin} and {@code reconciler}
     */
    StackApi(Map<String, String> urls, CustomerToken customer, CustomerToken operator) {
        this.urls = urls;
        this.customer = customer;
        this.operator = operator;
    }

    /** The order's status, e.g. {@code PENDING}, {@code CONFIRMED}; empty when orders-service does not know it. */
    Optional<String> orderStatus(String orderId) {
        HttpResponse<String> response = get(urls.get(StackPart.ORDERS.operatorName()) + "/orders/" + orderId, customer);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(json(response).path("status").asText());
    }

    /** How many orders the customer has, whatever their state. */
    long customerOrderCount() {
        return json(get(urls.get(StackPart.ORDERS.operatorName()) + "/orders?size=1", customer)).path("total").asLong();
    }

    /** The ids of the customer's orders still PENDING, every page of them. */
    java.util.Set<String> pendingOrderIds() {
        java.util.Set<String> pending = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = json(get(urls.get(StackPart.ORDERS.operatorName()) + "/orders?status=PENDING&size=100&page=" + page, customer));
            answer.path("items").forEach(order -> pending.add(order.path("id").asText()));
            if (answer.path("next").isNull() || answer.path("next").isMissingNode()) {
                return pending;
            }
        }
    }

    /** payments-service's payment of the order ({@code charged} or {@code declined}); empty when it has none. */
    Optional<String> payment(String orderId) {
        HttpResponse<String> response = get(urls.get(StackPart.PAYMENTS.operatorName()) + "/payments/" + orderId, operator);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(json(response).path("status").asText());
    }

    /** Succeeded PaymentIntents at the Stripe emulator, by the order id in their metadata: money really taken. */
    Map<String, Integer> charges() {
        HttpResponse<String> response = get(urls.get(StackPart.STRIPE.operatorName()) + "/_emulator/charges", null);
        Map<String, Integer> perOrder = new HashMap<>();
        for (JsonNode intent : json(response)) {
            if ("succeeded".equals(intent.path("status").asText())) {
                perOrder.merge(intent.path("metadata").path("order_id").asText(), 1, Integer::sum);
            }
        }
        return perOrder;
    }

    /**
     * Deliveries the consumers' inboxes absorbed since each service started
     * ({@code comanda_consumer_duplicates_total} on its management interface), by service.
     */
    Map<String, Absorbed> duplicatesAbsorbed() {
        Map<String, Absorbed> absorbed = new HashMap<>();
        for (StackPart service : INBOX_SERVICES) {
            String metrics = get(urls.get(service.managementPortKey()) + "/q/metrics", null).body();
            absorbed.put(service.operatorName(), new Absorbed(MetricSamples.sum(metrics, "comanda_consumer_duplicates_total"),
                    MetricSamples.sum(metrics, "process_start_time_seconds")));
        }
        return absorbed;
    }

    /**
     * A service's count of absorbed duplicates.
     *
     * @param startedAt its process's start (seconds since the epoch): a new one means a count from zero
     */
    record Absorbed(double count, double startedAt) {

        /** What it absorbed since {@code earlier} was read. */
        double since(Absorbed earlier) {
            boolean restarted = earlier == null || earlier.startedAt() != startedAt || count < earlier.count();
            return restarted ? count : count - earlier.count();
        }
    }

    /** Dead letters waiting, summed over every consuming service. */
    long deadLetters() {
        long waiting = 0;
        for (StackPart service : CONSUMING_SERVICES) {
            waiting += json(get(urls.get(service.operatorName()) + "/admin/dead-letters?size=1", operator)).path("total").asLong();
        }
        return waiting;
    }

    private HttpResponse<String> get(String url, CustomerToken token) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
            if (token != null) {
                request.header("Authorization", "Bearer " + token.current());
            }
            HttpResponse<String> response = StackHttp.send(request.build());
            if (response.statusCode() == 401 && token != null && attempt == 1) {
                token.renew();
                continue;
            }
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
