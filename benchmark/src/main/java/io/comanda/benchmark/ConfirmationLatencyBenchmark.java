package io.comanda.benchmark;

import io.comanda.devstack.AccessTokens;
import io.comanda.devstack.LocalUser;
import io.comanda.devstack.TopicReader;
import io.comanda.devstack.cli.ComandaStack;
import io.comanda.devstack.cli.StackPorts;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.Topic;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places orders at a steady rate on the whole local stack (what {@code ./comanda up} starts) and
 * prints p50/p99 of the time from each {@code 201} to the order being CONFIRMED: the confirmation's
 * {@code occurredAt}, stamped by orders-service when it commits the new status, on the same clock.
 *
 * <p>Arguments: {@code --rate 100 --seconds 60 --warmup 30}: the warm-up runs at the same rate first,
 * unmeasured, so the JIT of every process has settled. Uses the stack's fixed ports: nothing else may
 * run on them.
 */
public final class ConfirmationLatencyBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String ORDER = """
            {"items":[{"sku":"ESPRESSO-250G","quantity":1}],"paymentMethod":"pm_card_visa"}""";

    private ConfirmationLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args, Map.of("rate", 100, "seconds", 60, "warmup", 30));
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        StackPorts ports = StackPorts.fromEnvironment();
        try (ComandaStack stack = ComandaStack.start(root, ports, true, System.out)) {
            String token = AccessTokens.forUser("http://127.0.0.1:" + ports.of("keycloak"), LocalUser.ALICE);
            HttpClient http = HttpClient.newHttpClient();
            URI orders = URI.create("http://127.0.0.1:" + ports.of("orders") + "/orders");
            System.out.printf("[benchmark] warming up at %d/s for %d s ...%n", options.get("rate"), options.get("warmup"));
            placeAtRate(http, orders, token, options.get("rate"), options.get("warmup"), new ConcurrentHashMap<>());
            Map<String, Instant> created = new ConcurrentHashMap<>();
            System.out.printf("[benchmark] measuring at %d/s for %d s ...%n", options.get("rate"), options.get("seconds"));
            placeAtRate(http, orders, token, options.get("rate"), options.get("seconds"), created);

            Histogram latencies = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            try (TopicReader reader = TopicReader.fromBeginning("127.0.0.1:" + ports.of("kafka"), Topic.ORDERS.topicName())) {
                reader.readUntil(records -> confirmations(records, created, latencies) >= created.size(),
                        Duration.ofSeconds(180));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "201 -> CONFIRMED at %d orders/s for %d s: %d orders, p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms%n", options.get("rate"), options.get("seconds"), latencies.getTotalCount(),
                    latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0,
                    latencies.getMaxValue() / 1000.0);
        }
    }

    private static void placeAtRate(HttpClient http, URI orders, String token, int rate, int seconds,
                                    Map<String, Instant> created) throws InterruptedException {
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(16);
        long periodMicros = 1_000_000L / rate;
        for (int i = 0; i < rate * seconds; i++) {
            clients.schedule(() -> place(http, orders, token, created), i * periodMicros, TimeUnit.MICROSECONDS);
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    }

    private static void place(HttpClient http, URI orders, String token, Map<String, Instant> created) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orders)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(ORDER)).build(), HttpResponse.BodyHandlers.ofString());
            Instant answered = Instant.now();
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                created.put(id.group(1), answered);
            }
        } catch (Exception e) {
            System.err.println("order failed: " + e);
        }
    }

    private static int confirmations(java.util.List<ConsumerRecord<String, String>> records,
                                     Map<String, Instant> created, Histogram latencies) {
        latencies.reset();
        int count = 0;
        for (ConsumerRecord<String, String> record : records) {
            Instant answered = created.get(record.key());
            if (answered == null || !"io.comanda.order.confirmed.v1".equals(TopicReader.header(record, CloudEventHeaders.TYPE))) {
                continue;
            }
            OrderConfirmed confirmed = EventJson.read(record.value().getBytes(StandardCharsets.UTF_8), OrderConfirmed.class);
            long micros = Math.max(0, Duration.between(answered, confirmed.occurredAt()).toNanos() / 1000);
            latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
            count++;
        }
        return count;
    }
}
