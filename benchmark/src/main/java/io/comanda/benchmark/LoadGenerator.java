package io.comanda.benchmark;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Closed-loop clients: each sends {@code POST /orders} with a unique Idempotency-Key, waits for the
 * answer, and sends the next, for a fixed time. Latencies go into an HdrHistogram.
 */
final class LoadGenerator {

    private final URI ordersUrl;
    private final IntFunction<String> tokenOfClient;
    private final String body;

    LoadGenerator(URI ordersUrl, IntFunction<String> tokenOfClient, String body) {
        this.ordersUrl = ordersUrl;
        this.tokenOfClient = tokenOfClient;
        this.body = body;
    }

    /**
     * @param clients  concurrent clients
     * @param duration how long they send
     * @return latencies of the 201 answers, and the counts of all answers
     */
    Result run(int clients, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Result>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = tokenOfClient.apply(c);
            futures.add(pool.submit(() -> client(http, token, end)));
        }
        Result total = new Result(new Histogram(TimeUnit.SECONDS.toMicros(30), 3), 0, 0);
        for (Future<Result> future : futures) {
            total = total.plus(future.get());
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return total;
    }

    private Result client(HttpClient http, String token, long end) throws Exception {
        Histogram latencies = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        long errors = 0;
        long created = 0;
        while (System.nanoTime() < end) {
            HttpRequest request = HttpRequest.newBuilder(ordersUrl)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long start = System.nanoTime();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            if (response.statusCode() == 201) {
                latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
                created++;
            } else {
                errors++;
            }
        }
        return new Result(latencies, created, errors);
    }

    /**
     * @param latencies microseconds per created order
     * @param created   201 answers
     * @param errors    any other answer
     */
    record Result(Histogram latencies, long created, long errors) {
        Result plus(Result other) {
            Histogram sum = latencies.copy();
            sum.add(other.latencies);
            return new Result(sum, created + other.created, errors + other.errors);
        }
    }
}
