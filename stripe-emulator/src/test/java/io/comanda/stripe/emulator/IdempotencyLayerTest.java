package io.comanda.stripe.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stripe's idempotency semantics, as the emulator keeps them, without HTTP: stored results, 409, expiry. */
class IdempotencyLayerTest {

    private static final Map<String, String> PARAMETERS = Map.of("amount", "6048", "currency", "eur");

    private final SettableClock clock = new SettableClock();
    private final IdempotencyLayer layer = new IdempotencyLayer(clock);
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
    void aSecondRequestWhileTheFirstIsExecutingIsA409AndStoresNothing() throws Exception {
        CountDownLatch executing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<IdempotencyLayer.Result> first = pool.submit(() -> layer.execute("sk_test_a", "key-race", PARAMETERS,
                    () -> {
                        executing.countDown();
                        await(release);
                        return charge(200, "pi_1");
                    }));
            executing.await();

            IdempotencyLayer.Result concurrent = layer.execute("sk_test_a", "key-race", PARAMETERS,
                    () -> charge(200, "pi_2"));
            release.countDown();

            assertThat(concurrent.status()).isEqualTo(409);
            assertThat(concurrent.body()).contains("\"type\":\"idempotency_error\"")
                    .contains("There is currently another in-progress request using this Idempotent Key")
                    .contains("key-race. Please try again later.");
            assertThat(concurrent.replayed()).isFalse();
            assertThat(first.get().body()).isEqualTo("pi_1");
            assertThat(layer.execute("sk_test_a", "key-race", PARAMETERS, () -> charge(200, "pi_3")))
                    .isEqualTo(new IdempotencyLayer.Result(200, "pi_1", true));
            assertThat(executions).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aServerErrorOnceExecutionBeganIsStoredAndReplayedForTheKey() {
        IdempotencyLayer.Result failed = layer.execute("sk_test_a", "key-1", PARAMETERS, () -> {
            executions.incrementAndGet();
            throw new IllegalStateException("broke mid-request");
        });
        IdempotencyLayer.Result answered500 = layer.execute("sk_test_a", "key-2", PARAMETERS,
                () -> charge(500, "api_error"));

        IdempotencyLayer.Result again = layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_2"));
        IdempotencyLayer.Result again500 = layer.execute("sk_test_a", "key-2", PARAMETERS, () -> charge(200, "pi_3"));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(again).isEqualTo(new IdempotencyLayer.Result(500, failed.body(), true));
        assertThat(again.body()).contains("\"type\":\"api_error\"");
        assertThat(again500).isEqualTo(new IdempotencyLayer.Result(500, "api_error", true));
        assertThat(executions).hasValue(2);
    }

    @Test
    void aKeyOlderThanItsTtlIsANewRequest() {
        layer.keyTtl(Duration.ofHours(24));
        layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(500, "api_error"));
        clock.advance(Duration.ofHours(23));
        assertThat(layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_2")).body())
                .isEqualTo("api_error");

        clock.advance(Duration.ofHours(1));
        IdempotencyLayer.Result afterADay = layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_3"));

        assertThat(afterADay).isEqualTo(new IdempotencyLayer.Result(200, "pi_3", false));
        assertThat(layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_4")))
                .isEqualTo(new IdempotencyLayer.Result(200, "pi_3", true));
        assertThat(executions).hasValue(2);
    }

    @Test
    void aNegativeTtlIsRefused() {
        assertThatThrownBy(() -> layer.keyTtl(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(layer.keyTtl()).isEqualTo(IdempotencyLayer.DEFAULT_KEY_TTL);
    }

    @Test
    void aRequestThatFailsValidationStoresNothingSoItsKeyMayBeRetried() {
        IdempotencyLayer.Result refused = layer.execute("sk_test_a", "key-1", PARAMETERS,
                () -> Optional.of(new IdempotencyLayer.Result(400, "parameter_invalid", false)), () -> charge(200, "pi_1"));

        IdempotencyLayer.Result retried = layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_2"));

        assertThat(refused).isEqualTo(new IdempotencyLayer.Result(400, "parameter_invalid", false));
        assertThat(retried).isEqualTo(new IdempotencyLayer.Result(200, "pi_2", false));
        assertThat(executions).hasValue(1);
    }

    @Test
    void aKeyIsHeldFromTheStartOfItsExecutionUntilItsResultIsStored() {
        IdempotencyLayer.Start start = layer.begin("sk_test_a", "key-held", PARAMETERS);

        IdempotencyLayer.Result meanwhile = layer.execute("sk_test_a", "key-held", PARAMETERS, () -> charge(200, "pi_2"));
        layer.complete(start.execution(), new IdempotencyLayer.Result(200, "pi_1", false));

        assertThat(start.answer()).isEmpty();
        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(layer.execute("sk_test_a", "key-held", PARAMETERS, () -> charge(200, "pi_3")))
                .isEqualTo(new IdempotencyLayer.Result(200, "pi_1", true));
        assertThat(executions).hasValue(0);
    }

    @Test
    void aForgottenKeyCreatesAnewForEveryApiKeyAndOtherKeysStay() {
        layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(500, "api_error"));
        layer.execute("sk_test_b", "key-1", PARAMETERS, () -> charge(200, "pi_b"));
        layer.execute("sk_test_a", "key-2", PARAMETERS, () -> charge(200, "pi_2"));

        assertThat(layer.forget(List.of("key-1", "key-unknown"))).isEqualTo(2);

        assertThat(layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_3")))
                .isEqualTo(new IdempotencyLayer.Result(200, "pi_3", false));
        assertThat(layer.execute("sk_test_b", "key-1", PARAMETERS, () -> charge(200, "pi_4")).replayed()).isFalse();
        assertThat(layer.execute("sk_test_a", "key-2", PARAMETERS, () -> charge(200, "pi_5")))
                .isEqualTo(new IdempotencyLayer.Result(200, "pi_2", true));
    }

    @Test
    void forgettingAllKeysLetsEveryKeyCreateAnew() {
        layer.execute("sk_test_a", "key-1", PARAMETERS, () -> charge(200, "pi_1"));
        layer.execute("sk_test_a", "key-2", PARAMETERS, () -> charge(200, "pi_2"));

        assertThat(layer.forgetAll()).isEqualTo(2);

        assertThat(layer.execute("sk_test_a", "key-2", PARAMETERS, () -> charge(200, "pi_3")).replayed()).isFalse();
        assertThat(executions).hasValue(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private IdempotencyLayer.Result charge(int status, String body) {
        executions.incrementAndGet();
        return new IdempotencyLayer.Result(status, body, false);
    }
}
