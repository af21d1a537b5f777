package io.comanda.devstack.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.comanda.devstack.parts.StackHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A steady stream of orders placed over orders-service's HTTP API, as a real client places them: each
 * order under its own Idempotency-Key, sent again with the same key and body after a connection failure,
 * a timeout, a 5xx or a 409 (the same key still in flight), with back-off, until a 201 answers, so
 * that a crash of orders-service mid-request neither loses an order nor places it twice. With several
 * orders-service instances it places as a client behind a load balancer does: orders in turn on each
 * instance, and each attempt after a failure on the next one.
 *
 * <p>Its state stays bounded however long a part stays down: every client sends through devstack's one
 * HTTP client ({@link StackHttp}), and at most {@code maxInFlight} clients are in flight; an order due
 * while that many are still waiting for their answer is not sent, and {@link #notSent() counted}. The
 * caller sizes the cap to what it measures: the fault suite to a minute of its load (a part down that
 * long), a latency benchmark to a few seconds (a service that far behind is past what it measures, and
 * more clients would only pile onto it).
 */
public final class OrderLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long FIRST_BACK_OFF_MS = 200;
    private static final long MAX_BACK_OFF_MS = 2000;

    private final List<String> ordersUrls;
    private final CustomerToken token;
    private final Duration giveUpAfter;
    private final LongFunction<String> paymentMethod;
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(daemon("order-load"));
    private final int maxInFlight;
    private final ExecutorService clients;
    private final Semaphore inFlight;
    private final List<Future<PlacedOrder>> placements = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final Queue<String> accepted = new ConcurrentLinkedQueue<>();

    /**
     * @param ordersUrl     orders-service's base URL
     * @param token         the customer who places the orders
     * @param giveUpAfter   how long one order's client keeps trying before it gives the order up
     * @param paymentMethod the Stripe test payment method of the {@code n}th order
     * @param maxInFlight   the most clients waiting for their answer at once; each is a thread that mostly
     *                      sleeps in its back-off and holds one small request
     */
    public OrderLoad(String ordersUrl, CustomerToken token, Duration giveUpAfter, LongFunction<String> paymentMethod,
                     int maxInFlight) {
        this(List.of(ordersUrl), token, giveUpAfter, paymentMethod, maxInFlight);
    }

    /** The same, over several orders-service instances; {@code ordersUrls} their base URLs. */
    public OrderLoad(List<String> ordersUrls, CustomerToken token, Duration giveUpAfter,
                     LongFunction<String> paymentMethod, int maxInFlight) {
        if (ordersUrls.isEmpty()) {
            throw new IllegalArgumentException("no orders-service to place orders on");
        }
        this.maxInFlight = maxInFlight;
        this.clients = Executors.newFixedThreadPool(maxInFlight, daemon("order-client"));
        this.inFlight = new Semaphore(maxInFlight);
        this.ordersUrls = ordersUrls.stream().map(url -> url + "/orders").toList();
        this.token = token;
        this.giveUpAfter = giveUpAfter;
        this.paymentMethod = paymentMethod;
    }

    /** Starts placing {@code perSecond} orders a second, each on a client thread of its own while one is free. */
    public void start(int perSecond) {
        long period = Math.max(1, 1_000_000L / perSecond);
        pace.scheduleAtFixedRate(() -> {
            if (!inFlight.tryAcquire()) {
                notSent.incrementAndGet();
                return;
            }
            long n = sent.getAndIncrement();
            synchronized (placements) {
                placements.add(clients.submit(() -> {
                    try {
                        return place(paymentMethod.apply(n), n);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }, 0, period, TimeUnit.MICROSECONDS);
    }

    /** The most clients in flight at once. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** Orders due while {@link #maxInFlight()} clients were still in flight, and so not sent. */
    public long notSent() {
        return notSent.get();
    }

    /** The ids of the orders accepted so far. */
    public Collection<String> acceptedIds() {
        return List.copyOf(accepted);
    }

    /** Stops sending new orders, waits for every client to get its answer, and returns what each saw. */
    public List<PlacedOrder> finish() throws InterruptedException {
        pace.shutdownNow();
        pace.awaitTermination(10, TimeUnit.SECONDS);
        List<PlacedOrder> placed = new ArrayList<>();
        List<Future<PlacedOrder>> all;
        synchronized (placements) {
            all = List.copyOf(placements);
        }
        for (Future<PlacedOrder> placement : all) {
            try {
                placed.add(placement.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("an order's client failed", e.getCause());
            }
        }
        return placed;
    }

    private PlacedOrder place(String paymentMethod, long n) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        String body = "{\"items\":[{\"sku\":\"ESPRESSO-250G\",\"quantity\":1}],\"paymentMethod\":\"" + paymentMethod + "\"}";
        Instant first = Instant.now();
        Instant deadline = first.plus(giveUpAfter);
        String orderId = null;
        Instant acceptedAt = null;
        int attempts = 0;
        int replays = 0;
        long backOff = FIRST_BACK_OFF_MS;
        String lastAnswer = null;
        while (orderId == null && Instant.now().isBefore(deadline)) {
            attempts++;
            try {
                HttpResponse<String> response = StackHttp.send(request(n + attempts, key, body));
                int status = response.statusCode();
                if (status == 201) {
                    orderId = id(response.body());
                    acceptedAt = Instant.now();
                    accepted.add(orderId);
                    replays += response.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent() ? 1 : 0;
                    continue;
                }
                lastAnswer = status + " " + response.body();
                if (status == 401) {
                    token.renew();
                } else if (status != 409 && status < 500) {
                    return new PlacedOrder(key, paymentMethod, first, null, null, attempts, replays, 0, lastAnswer);
                }
            } catch (RuntimeException e) {
                // Refused, reset or timed out, or Keycloak gave no token just now (it may be starved while a
                // part restarts): whether the order was placed is unknown, so send it again until the deadline.
                lastAnswer = e.toString();
            }
            Thread.sleep(backOff);
            backOff = Math.min(MAX_BACK_OFF_MS, backOff * 2);
        }
        if (orderId == null) {
            return new PlacedOrder(key, paymentMethod, first, null, null, attempts, replays, 0,
                    "no 201 within " + giveUpAfter.toSeconds() + " s; last: " + lastAnswer);
        }
        return new PlacedOrder(key, paymentMethod, first, orderId, acceptedAt, attempts, replays,
                sameKeyAgain(n + attempts, key, body, orderId, attempts), null);
    }

    /**
     * Sends an order that needed more than one attempt once more under its key, as a client unsure of
     * its first answer would, until it gets a 201: it must be the same order, replayed.
     *
     * @return 1 when the key placed another order (or no answer came to tell), else 0
     */
    private int sameKeyAgain(long turn, String key, String body, String orderId, int attempts)
            throws InterruptedException {
        if (attempts == 1) {
            return 0;
        }
        Instant deadline = Instant.now().plus(giveUpAfter);
        long backOff = FIRST_BACK_OFF_MS;
        for (long again = turn; Instant.now().isBefore(deadline); again++) {
            try {
                HttpResponse<String> response = StackHttp.send(request(again, key, body));
                if (response.statusCode() == 201) {
                    return orderId.equals(id(response.body())) ? 0 : 1;
                }
            } catch (RuntimeException e) {
                // No answer, or no token: asked again below.
            }
            Thread.sleep(backOff);
            backOff = Math.min(MAX_BACK_OFF_MS, backOff * 2);
        }
        return 1;
    }

    /** A placement sent to the instance whose turn {@code turn} is. */
    private HttpRequest request(long turn, String key, String body) {
        return HttpRequest.newBuilder(URI.create(ordersUrls.get((int) (turn % ordersUrls.size()))))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token.current())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String id(String body) {
        try {
            JsonNode order = JSON.readTree(body);
            return order.path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("a 201 without an order: " + body, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        pace.shutdownNow();
        clients.shutdownNow();
    }
}
