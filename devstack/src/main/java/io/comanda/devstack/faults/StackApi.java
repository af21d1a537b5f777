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
 * A service with several instances is read through the first that answers, as through a load balancer,
 * so that a read goes on while one instance is down.
 */
final class StackApi {

    /** The services with consumers, whose dead letters are counted. */
    private static final List<StackPart> CONSUMING_SERVICES = StackPart.services();
    /** The services whose consumers deduplicate through an inbox (search-indexer's upserts are ordered by version instead). */
    private static final List<StackPart> INBOX_SERVICES = List.of(StackPart.ORDERS, StackPart.PAYMENTS,
            StackPart.NOTIFICATIONS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> urls;
    private final CustomerToken customer;
    private final CustomerToken operator;

    /**
     * @param urls     base URLs of each instance by part: {@code orders}, {@code payments}, {@code notifications},
     *                 {@code search}, {@code stripe}, and the services' management interfaces, e.g.
     *                 {@code orders-management}
     * @param customer the customer who places the load's orders
     * @param operator a user with the realm roles {@code admin} and {@code reconciler}
     */
    StackApi(Map<String, List<String>> urls, CustomerToken customer, CustomerToken operator) {
        this.urls = urls;
        this.customer = customer;
        this.operator = operator;
    }

    /** The order's status, e.g. {@code PENDING}, {@code CONFIRMED}; empty when orders-service does not know it. */
    Optional<String> orderStatus(String orderId) {
        HttpResponse<String> response = get(StackPart.ORDERS.operatorName(), "/orders/" + orderId, customer);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(json(response).path("status").asText());
    }

    /** How many orders the customer has, whatever their state. */
    long customerOrderCount() {
        return json(get(StackPart.ORDERS.operatorName(), "/orders?size=1", customer)).path("total").asLong();
    }

    /** The ids of the customer's orders still PENDING, every page of them. */
    java.util.Set<String> pendingOrderIds() {
        java.util.Set<String> pending = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = json(get(StackPart.ORDERS.operatorName(), "/orders?status=PENDING&size=100&page=" + page, customer));
            answer.path("items").forEach(order -> pending.add(order.path("id").asText()));
            if (answer.path("next").isNull() || answer.path("next").isMissingNode()) {
                return pending;
            }
        }
    }

    /** payments-service's payment of the order ({@code charged} or {@code declined}); empty when it has none. */
    Optional<String> payment(String orderId) {
        HttpResponse<String> response = get(StackPart.PAYMENTS.operatorName(), "/payments/" + orderId, operator);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(json(response).path("status").asText());
    }

    /** Succeeded PaymentIntents at the Stripe emulator, by the order id in their metadata: money really taken. */
    Map<String, Integer> charges() {
        HttpResponse<String> response = get(StackPart.STRIPE.operatorName(), "/_emulator/charges", null);
        Map<String, Integer> perOrder = new HashMap<>();
        for (JsonNode intent : json(response)) {
            if ("succeeded".equals(intent.path("status").asText())) {
                perOrder.merge(intent.path("metadata").path("order_id").asText(), 1, Integer::sum);
            }
        }
        return perOrder;
    }

    /**
     * Deliveries the consumers' inboxes absorbed since each service instance started
     * ({@code comanda_consumer_duplicates_total} on its management interface), by instance. An instance that
     * does not answer just now (a fault holds it) is left out: what it absorbed counts from its next reading.
     */
    Map<String, Absorbed> duplicatesAbsorbed() {
        Map<String, Absorbed> absorbed = new HashMap<>();
        for (StackPart service : INBOX_SERVICES) {
            for (String management : urls.get(service.managementPortKey())) {
                try {
                    String metrics = getAt(management + "/q/metrics", null).body();
                    absorbed.put(management, new Absorbed(MetricSamples.sum(metrics, "comanda_consumer_duplicates_total"),
                            MetricSamples.sum(metrics, "process_start_time_seconds")));
                } catch (RuntimeException e) {
                    if (urls.get(service.managementPortKey()).size() == 1) {
                        throw e;
                    }
                }
            }
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
            waiting += json(get(service.operatorName(), "/admin/dead-letters?size=1", operator)).path("total").asLong();
        }
        return waiting;
    }

    /**
     * GETs {@code path} from the first instance of {@code part} that answers: one refused, timed out or
     * answering 5xx is passed over for the next, and the last one's failure is thrown.
     */
    private HttpResponse<String> get(String part, String path, CustomerToken token) {
        List<String> instances = urls.get(part);
        RuntimeException failed = null;
        for (String instance : instances) {
            try {
                return getAt(instance + path, token);
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        throw failed;
    }

    private HttpResponse<String> getAt(String url, CustomerToken token) {
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
