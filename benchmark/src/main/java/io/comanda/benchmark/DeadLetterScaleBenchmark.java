package io.comanda.benchmark;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.parts.EmbeddedKafka;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.QuarkusAppProcess;
import io.comanda.devstack.parts.StackHttp;
import io.comanda.events.EventJson;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * L1: dead letters at incident scale, on search-indexer (the packaged service with its own PostgreSQL, Kafka
 * and Keycloak). N {@code OrderPlaced} are parked straight on its dead-letter topic, as the platform parks
 * them (CloudEvents headers and a reason), the index being filled by the service's own indexer; R of them
 * carry the reason the bulk replay selects. Then pages of 50 of the listing through HTTP with an admin's
 * token: the first page and pages picked at random over the whole listing. Then the bulk replay of the R,
 * while new orders arrive at a steady rate: the clock runs from the request to the last of the R indexed as a
 * search document. Each takes effect once when every one of the R was replayed once (one record per
 * {@code ce_id} on the replay topic), each of them is a document, and every steady order is one too.
 *
 * <p>Arguments: {@code --dead-letters 100000 --replay 10000 --requests 2000 --order-rate 20}. Prints
 * {@code RESULT L1 page50_p99_ms=... bulk_replay_10000_s=... effects_once=true|false}.
 */
public final class DeadLetterScaleBenchmark {

    static final String DEAD_LETTER_TOPIC = Topic.ORDERS.topicName() + ".search-indexer.dlq";
    static final String REPLAY_TOPIC = Topic.ORDERS.topicName() + ".search-indexer.replay";
    private static final String REPLAYED_REASON = "bulk-replay-benchmark: the index was down";
    private static final String OTHER_REASON = "benchmark: an order event no one can apply";

    private DeadLetterScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args,
                Map.of("dead-letters", 100_000, "replay", 10_000, "requests", 2_000, "order-rate", 20));
        int total = options.get("dead-letters");
        int replay = Math.min(total, options.get("replay"));
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("benchmark/target/dead-letters");
        try (SearchIndexerParts parts = SearchIndexerParts.start(root, work)) {
            PostgresServer postgres = parts.postgres;
            EmbeddedKafka kafka = parts.kafka;
            kafka.createTopics(Map.of(Topic.ORDERS.topicName(), Topic.DEFAULT_PARTITIONS,
                    DEAD_LETTER_TOPIC, Topic.DEFAULT_PARTITIONS));
            park(kafka.bootstrapServers(), total, replay);
            try (QuarkusAppProcess search = parts.startService(Ports.free())) {
                awaitCount(postgres, "indexed dead letters", total, "select count(*) from dead_letter");
                String ops = AccessTokens.forUser(parts.keycloak.url(), LocalUser.OPS);
                int requests = options.get("requests");
                Histogram first = measurePages(search.address(), ops, requests, total, false);
                Histogram anywhere = measurePages(search.address(), ops, requests, total, true);
                BulkReplayRun run = bulkReplay(search.address(), ops, kafka.bootstrapServers(), postgres, replay,
                        options.get("order-rate"));
                double p99 = Math.max(first.getValueAtPercentile(99), anywhere.getValueAtPercentile(99)) / 1000.0;
                System.out.printf(Locale.ROOT, "RESULT L1 page50_p99_ms=%.1f bulk_replay_%d_s=%.1f effects_once=%s%n",
                        p99, replay, run.seconds(), run.effectsOnce());
            }
        }
    }

    /** Parks {@code total} orders on the dead-letter topic; the first {@code replay} with the reason replayed later. */
    private static void park(String bootstrapServers, int total, int replay) {
        System.out.printf("[benchmark] parking %d dead letters ...%n", total);
        List<OrderPlaced> orders = new SyntheticOrders(total, 2_000, "dead-letter-customer-0").placements();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < orders.size(); i++) {
                OrderPlaced order = orders.get(i);
                RecordHeaders headers = EventBacklog.headers(order, "dead-letter-" + i);
                headers.add("dead-letter-reason", (i < replay ? REPLAYED_REASON : OTHER_REASON).getBytes(StandardCharsets.UTF_8));
                headers.add("dead-letter-topic", Topic.ORDERS.topicName().getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(DEAD_LETTER_TOPIC, null, order.aggregateId(),
                        EventJson.write(order).getBytes(StandardCharsets.UTF_8), headers));
            }
            producer.flush();
        }
    }

    /** GETs pages of 50: the first, or one picked at random over the whole listing. */
    private static Histogram measurePages(String url, String token, int requests, int total, boolean anywhere) {
        Random picker = new Random(11);
        Histogram latency = TimedGets.measure(requests, () -> HttpRequest.newBuilder(URI.create(url
                        + "/admin/dead-letters?size=50&page=" + (anywhere ? picker.nextInt(Math.max(1, total / 50)) : 0)))
                .header("Authorization", "Bearer " + token).build(), body -> true, new long[1]);
        System.out.printf(Locale.ROOT, "page of 50 (%s): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d requests%n",
                anywhere ? "anywhere in the listing" : "the first", latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, requests);
        return latency;
    }

    record BulkReplayRun(double seconds, boolean effectsOnce) {
    }

    /** Replays the selected dead letters while orders keep coming, and checks that each took effect once. */
    private static BulkReplayRun bulkReplay(String url, String token, String bootstrapServers, PostgresServer postgres,
                                            int replay, int orderRate) throws Exception {
        int seconds = 120;
        CompletableFuture<Map<String, java.time.Instant>> steady = CompletableFuture.supplyAsync(() -> {
            try {
                return SteadyOrders.publish(bootstrapServers, orderRate, seconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/admin/dead-letters/replay?reason="
                        + java.net.URLEncoder.encode(REPLAYED_REASON, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        long start = System.nanoTime();
        HttpResponse<String> accepted = StackHttp.send(request);
        System.out.println("[benchmark] bulk replay: " + accepted.statusCode() + " " + accepted.body());
        String replayedOrders = "select count(*) from dead_letter d join order_documents o on o.order_id::text = d.record_key"
                + " where d.reason = '" + REPLAYED_REASON + "' and d.status = 'replayed'";
        awaitCount(postgres, "replayed dead letters applied", replay, replayedOrders);
        double took = (System.nanoTime() - start) / 1e9;
        Map<String, java.time.Instant> placed = steady.get(seconds + 60, TimeUnit.SECONDS);
        awaitCount(postgres, "steady orders applied", placed.size(), "select count(*) from order_documents"
                + " where order_id::text in ('" + String.join("','", placed.keySet()) + "')");
        Map<String, Long> sendsPerEvent = ReplaySends.perEvent(bootstrapServers, REPLAY_TOPIC);
        long sends = sendsPerEvent.values().stream().filter(count -> count != 1).count();
        long events = sendsPerEvent.size();
        boolean once = accepted.statusCode() == 202 && sends == 0 && events == replay;
        System.out.printf(Locale.ROOT, "bulk replay: %d applied in %.1f s (%.0f/s) while %d orders were placed; "
                + "%d events on the replay topic, %d of them sent more than once%n", replay, took, replay / took,
                placed.size(), events, sends);
        return new BulkReplayRun(took, once);
    }

    private static void awaitCount(PostgresServer postgres, String what, long expected, String sql) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        long count = 0;
        long start = System.nanoTime();
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            count = count(postgres, sql);
        }
        if (count < expected) {
            throw new IllegalStateException(what + ": " + count + " of " + expected + " after 20 minutes");
        }
        System.out.printf(Locale.ROOT, "[benchmark] %s: %d after %.1f s%n", what, count, (System.nanoTime() - start) / 1e9);
    }

    private static long count(PostgresServer postgres, String sql) throws Exception {
        return TimedGets.count(postgres, "search", sql);
    }
}
