package io.comanda.stripe.emulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A Stripe-compatible API server: {@code POST /v1/payment_intents} (with {@code confirm=true}),
 * {@code GET /v1/payment_intents/{id}}, {@code GET /v1/payment_intents/search} (by metadata, lagging
 * behind creates), {@code GET /v1/payment_intents} (the consistent list), {@code POST|GET /v1/refunds} and
 * {@code GET /v1/balance}, Stripe's idempotency semantics ({@link IdempotencyLayer}: stored results, a
 * stored 500 replayed, 409 for a key in flight, keys that expire), the faults of a Stripe in trouble
 * ({@link Faults}, among them creates that execute and answer 500 or not at all),
 * {@code off_session}, its answer to a refused secret key ({@link ApiKeys}) and test payment methods
 * ({@link TestPaymentMethods}), among them {@code pm_card_authenticationRequired} and the emulator's own
 * {@code pm_card_processing}, which stays {@code processing} for {@link ProcessingTime}.
 *
 * <p>Operator endpoints under {@code /_emulator}, not part of Stripe's API, are {@link OperatorEndpoints},
 * {@link FaultsEndpoint} and {@link ProcessingEndpoint}.
 */
public final class StripeEmulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: ~40 ms a call.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService heldAnswers;
    private final Ledger ledger = new Ledger();
    private final Faults faults = new Faults();
    private final ApiKeys apiKeys = new ApiKeys();
    private final IdempotencyLayer idempotency = new IdempotencyLayer();
    private final ProcessingTime processingTime = new ProcessingTime();
    private final SearchLag searchLag = new SearchLag();
    private final PaymentIntents paymentIntents = new PaymentIntents(ledger, processingTime);

    /**
     * Requests answered at once. The added latency is a sleep on the request's thread, so this bounds
     * the throughput at {@code threads / latency}: 256 threads allow 2,560 requests a second at 100 ms.
     */
    public static final int DEFAULT_THREADS = 256;

    private StripeEmulator(InetSocketAddress address, int threads) {
        try {
            server = HttpServer.create(address, 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        heldAnswers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator-held-answers");
            thread.setDaemon(true);
            return thread;
        });
        IdempotentPost post = new IdempotentPost(idempotency, faults, ledger, heldAnswers);
        server.createContext("/v1/payment_intents", new PaymentIntentsEndpoint(apiKeys, paymentIntents,
                new PaymentIntentList(ledger), faults, searchLag, post));
        server.createContext("/v1/refunds", new RefundsEndpoint(apiKeys, new Refunds(ledger), faults, post));
        server.createContext("/v1/balance", new BalanceEndpoint(apiKeys, faults));
        server.createContext("/_emulator", new OperatorEndpoints(ledger, apiKeys, idempotency));
        server.createContext("/_emulator/faults", new FaultsEndpoint(faults, searchLag));
        server.createContext("/_emulator/processing", new ProcessingEndpoint(processingTime));
    }

    /** Starts on loopback, on {@code port} or a free one when 0. */
    public static StripeEmulator start(int port) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Starts on {@code address}, e.g. all interfaces inside a container. */
    public static StripeEmulator start(InetSocketAddress address) {
        return start(address, DEFAULT_THREADS);
    }

    /** Starts on {@code address}, answering up to {@code threads} requests at once. */
    public static StripeEmulator start(InetSocketAddress address, int threads) {
        StripeEmulator emulator = new StripeEmulator(address, threads);
        emulator.server.start();
        return emulator;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiBase() {
        return "http://127.0.0.1:" + port();
    }

    public Ledger ledger() {
        return ledger;
    }

    public Faults faults() {
        return faults;
    }

    /** How long a {@code pm_card_processing} payment stays {@code processing}. */
    public ProcessingTime processingTime() {
        return processingTime;
    }

    /** How long after its creation a PaymentIntent appears in search results (a minute unless set). */
    public SearchLag searchLag() {
        return searchLag;
    }

    /** The secret keys it accepts (any {@code sk_test_} key unless an operator names them). */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** How long an idempotency key is kept: 24 h as at Stripe, unless a test shortens it. */
    public Duration idempotencyKeyTtl() {
        return idempotency.keyTtl();
    }

    public void idempotencyKeyTtl(Duration ttl) {
        idempotency.keyTtl(ttl);
    }

    /** Forgets these idempotency keys, for every API key, as Stripe prunes keys a day old; returns how many. */
    public int forgetIdempotencyKeys(Collection<String> idempotencyKeys) {
        return idempotency.forget(idempotencyKeys);
    }

    /** Forgets every idempotency key; returns how many. */
    public int forgetAllIdempotencyKeys() {
        return idempotency.forgetAll();
    }

    @Override
    public void close() {
        server.stop(0);
        heldAnswers.shutdownNow();
        executor.shutdownNow();
    }

    /**
     * Runs the emulator until the process is stopped:
     * {@code --port 12111 --bind 127.0.0.1 --failure-rate 0 --latency-ms 0 --threads 256 --processing-ms 3000
     * --key-ttl-seconds 86400 --search-lag-ms 60000 --hang-ms 30000}.
     */
    public static void main(String[] args) {
        int port = 12111;
        String bind = "127.0.0.1";
        double failureRate = 0;
        long latency = 0;
        int threads = DEFAULT_THREADS;
        Duration processing = ProcessingTime.DEFAULT;
        Duration keyTtl = IdempotencyLayer.DEFAULT_KEY_TTL;
        Duration searchLag = SearchLag.DEFAULT;
        Duration hang = CreateFaults.DEFAULT_HANG;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--bind" -> bind = args[i + 1];
                case "--failure-rate" -> failureRate = Double.parseDouble(args[i + 1]);
                case "--latency-ms" -> latency = Long.parseLong(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--processing-ms" -> processing = Duration.ofMillis(Long.parseLong(args[i + 1]));
                case "--key-ttl-seconds" -> keyTtl = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                case "--search-lag-ms" -> searchLag = Duration.ofMillis(Long.parseLong(args[i + 1]));
                case "--hang-ms" -> hang = Duration.ofMillis(Long.parseLong(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StripeEmulator emulator = start(new InetSocketAddress(bind, port), threads);
        emulator.faults().set(latency, failureRate);
        emulator.processingTime().set(processing);
        emulator.idempotencyKeyTtl(keyTtl);
        emulator.searchLag().setInitial(searchLag);
        emulator.faults().hang(hang);
        System.out.println("Stripe emulator listening on " + emulator.apiBase());
    }
}
