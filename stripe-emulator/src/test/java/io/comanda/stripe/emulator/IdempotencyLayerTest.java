package io.comanda.stripe.emulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's idempotency semantics, as the emulator keeps them, without HTTP. */
class IdempotencyLayerTest {

    private static final Map<String, String> PARAMETERS = Map.of("amount", "6048", "currency", "eur");

    private final IdempotencyLayer layer = new IdempotencyLayer();
    private final AtomicInteger executions = new AtomicInteger();

    @Test
    void theFirstResultIsStoredAndReplayedForTheSameKeyAndParameters() {
        IdempotencyLayer.Result first = layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_1"));

        IdempotencyLayer.Result again = layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_2"));

        assertThat(first).isEqualTo(new IdempotencyLayer.Result(200, "pi_1", false));
        assertThat(again).isEqualTo(new IdempotencyLayer.Result(200, "pi_1", true));
        assertThat(executions).hasValue(1);
    }

    @Test
    void anErrorResultIsStoredAndReplayedToo() {
        layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(402, "card_declined"));

        IdempotencyLayer.Result again = layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_2"));

        assertThat(again).isEqualTo(new IdempotencyLayer.Result(402, "card_declined", true));
        assertThat(executions).hasValue(1);
    }

    @Test
    void theSameKeyWithOtherParametersIsAnIdempotencyErrorAndRunsNothing() {
        layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_1"));

        IdempotencyLayer.Result other = layer.execute("sk_test_a", "key-1", Map.of("amount", "9999", "currency", "eur"),
                () -> charge(200, "pi_2"));

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("\"type\":\"idempotency_error\"").contains("key-1");
        assertThat(other.replayed()).isFalse();
        assertThat(executions).hasValue(1);
    }

    @Test
    void keysAreScopedToTheApiKeyThatSentThem() {
        layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_1"));

        IdempotencyLayer.Result otherAccount = layer.execute("sk_test_b", "key-1", PARAMETERS, () -> charge(200, "pi_2"));

        assertThat(otherAccount).isEqualTo(new IdempotencyLayer.Result(200, "pi_2", false));
        assertThat(executions).hasValue(2);
    }

    @Test
    void requestsWithoutAKeyRunEveryTime() {
        layer.execute("sk_test_a", null, PARAMETERS, () -> charge(200, "pi_1"));
        layer.execute("sk_test_a", " ", PARAMETERS, () -> charge(200, "pi_2"));

        assertThat(executions).hasValue(2);
    }

    @Test
    void concurrentRequestsWithOneKeyRunOnceAndAllGetTheFirstResult() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<IdempotencyLayer.Result>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int attempt = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return layer.execute("sk_test_a", "key-race", PARAMETERS, () -> charge(200, "pi_" + attempt));
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<IdempotencyLayer.Result> result : results) {
                bodies.add(result.get().body());
            }

            assertThat(executions).hasValue(1);
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    private IdempotencyLayer.Result charge(int status, String body) {
        executions.incrementAndGet();
        return new IdempotencyLayer.Result(status, body, false);
    }
}
