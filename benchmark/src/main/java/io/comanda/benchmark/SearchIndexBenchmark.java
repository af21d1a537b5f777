package io.comanda.benchmark;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.parts.EmbeddedKafka;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.QuarkusAppProcess;
import io.comanda.events.Topic;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How fast search-indexer drains a backlog, and how fast it answers text searches over what it holds.
 * N {@code OrderPlaced} are published before the packaged service starts; the clock runs from the
 * first document to the N-th. The service stops, N settlements (confirmed or cancelled) are published
 * and it starts again: the same measure for updates. Then text searches over the N orders, one at a
 * time through HTTP with a real token: a customer's (their own orders), and an admin's over all of
 * them, by a word of the notes and by a product name (a third of all orders match one).
 *
 * <p>Arguments: {@code --orders 100000 --customers 2000 --queries 2000}.
 */
public final class SearchIndexBenchmark {

    private SearchIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args, Map.of("orders", 100_000, "customers", 2_000, "queries", 2_000));
        int orders = options.get("orders");
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("benchmark/target/search");
        try (SearchIndexerParts parts = SearchIndexerParts.start(root, work)) {
            PostgresServer postgres = parts.postgres;
            EmbeddedKafka kafka = parts.kafka;
            KeycloakServer keycloak = parts.keycloak;
            kafka.createTopics(Map.of(Topic.ORDERS.topicName(), Topic.DEFAULT_PARTITIONS));
            String alice = AccessTokens.forUser(keycloak.url(), LocalUser.ALICE);
            SyntheticOrders data = new SyntheticOrders(orders, options.get("customers"),
                    AccessTokens.claims(alice).path("sub").asText());
            int port = Ports.free();

            EventBacklog.publish(kafka.bootstrapServers(), data.placements());
            try (QuarkusAppProcess ignored = parts.startService(port)) {
                drain(postgres, "placements", orders, "select count(*) from order_documents");
            }
            EventBacklog.publish(kafka.bootstrapServers(), data.settlements());
            try (QuarkusAppProcess search = parts.startService(port)) {
                drain(postgres, "settlements", orders, "select count(*) from order_documents where status <> 'PENDING'");
                printDiskUse(kafka.bootstrapServers(), postgres, orders);
                String ops = AccessTokens.forUser(keycloak.url(), LocalUser.OPS);
                alice = AccessTokens.forUser(keycloak.url(), LocalUser.ALICE);
                int queries = options.get("queries");
                Random picker = new Random(7);
                measure(search.address(), alice, queries, "customer, a word of the notes", r -> "q=" + data.noteWord(r), picker);
                measure(search.address(), ops, queries, "admin, a word of the notes", r -> "q=" + data.noteWord(r), picker);
                // A third of all orders match one product name: fewer searches, each ranks tens of thousands.
                measure(search.address(), ops, queries / 4, "admin, a product name", r -> "q=" + encode(
                        SyntheticOrders.CATALOGUE.get(r.nextInt(SyntheticOrders.CATALOGUE.size())).name().split(" ")[0]), picker);
                measure(search.address(), ops, queries, "admin, newest first", r -> "size=20", picker);
            }
        }
    }

    /**
     * Times the events applied from the first poll that sees any to the last: the consumer may start
     * before the service reports ready, so what it applied before that first poll is not counted.
     */
    private static void drain(PostgresServer postgres, String what, int expected, String count) throws Exception {
        long first = 0;
        long base = 0;
        long applied = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (applied < expected && System.nanoTime() < deadline) {
            applied = count(postgres, count);
            if (applied > 0 && first == 0) {
                first = System.nanoTime();
                base = applied;
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - first) / 1e9;
        System.out.printf(Locale.ROOT, "search-indexer applied %d of %d %s; timed %d of them in %.1f s: %.0f events/s%n",
                applied, expected, what, applied - base, seconds, (applied - base) / seconds);
    }

    private static void measure(String url, String token, int queries, String what, Function<Random, String> query,
                                Random picker) {
        long[] hits = new long[1];
        Histogram latency = TimedGets.measure(queries, () -> HttpRequest.newBuilder(URI.create(url + "/search/orders?"
                + query.apply(picker))).header("Authorization", "Bearer " + token).build(),
                body -> !body.contains("\"total\":0"), hits);
        System.out.printf(Locale.ROOT, "query (%s): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d searches (%d with hits)%n",
                what, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0, queries, hits[0]);
    }

    /** What keeping the topic's history and the read model costs, per order (placed and settled). */
    private static void printDiskUse(String bootstrapServers, PostgresServer postgres, int orders) throws Exception {
        long topicBytes;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            topicBytes = admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
                    .flatMap(dirs -> dirs.values().stream())
                    .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                    .filter(replica -> replica.getKey().topic().equals(Topic.ORDERS.topicName()))
                    .mapToLong(replica -> replica.getValue().size()).sum();
        }
        long documentBytes = count(postgres, "select pg_total_relation_size('order_documents')");
        System.out.printf(Locale.ROOT, "disk: %s holds %.1f MB for %d orders (%.0f bytes per order, %.0f MB per million);"
                        + " order_documents with its indexes %.1f MB (%.0f MB per million)%n",
                Topic.ORDERS.topicName(), topicBytes / 1e6, orders, (double) topicBytes / orders,
                topicBytes / 1e6 * 1_000_000 / orders, documentBytes / 1e6, documentBytes / 1e6 * 1_000_000 / orders);
    }

    private static long count(PostgresServer postgres, String sql) throws Exception {
        return TimedGets.count(postgres, "search", sql);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
