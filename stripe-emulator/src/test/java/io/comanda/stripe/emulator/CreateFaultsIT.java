package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Creates that meet Stripe in trouble, over HTTP: ambiguous answers, a key still executing, pruned keys. */
class CreateFaultsIT {

    @RegisterExtension
    static final RunningEmulator RUNNING = new RunningEmulator();
    private static final StripeEmulator emulator = RUNNING.emulator();
    private static final StripeClient stripe = RUNNING.stripe();
    private static final EmulatorCalls calls = RUNNING.calls();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExecutedCreateAnswered500IsReplayedAs500WhileItsPaymentIntentExistsAndIsListed() throws Exception {
        String order = UUID.randomUUID().toString();
        long start = System.currentTimeMillis() / 1000;
        faults("{\"script\": [\"executedThen500\"]}");

        assertThatThrownBy(() -> charge(order, "key-" + order))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        HttpResponse<String> replayed = calls.create(order, "key-" + order);

        assertThat(replayed.statusCode()).isEqualTo(500);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(replayed.body()).get("error").get("type").asText()).isEqualTo("api_error");
        List<PaymentIntent> listed = stripe.paymentIntents().list(PaymentIntentListParams.builder().setLimit(100L)
                .setCreated(PaymentIntentListParams.Created.builder().setGte(start).build()).build()).getData();
        assertThat(listed).filteredOn(pi -> order.equals(pi.getMetadata().get("order_id")))
                .extracting(PaymentIntent::getStatus).containsExactly("succeeded");
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
        assertThat(injected().get("executedThen500").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(calls.get("/_emulator/faults").body()).get("ambiguousOrders"))
                .extracting(JsonNode::asText).containsExactly(order);
    }

    @Test
    void aTimedOutCreateHoldsItsKeyAs409ThenItsTrueResultIsStoredAndReplayed() throws Exception {
        String order = UUID.randomUUID().toString();
        faults("{\"script\": [\"executedThenTimeout\"], \"hangMs\": 1500}");

        CompletableFuture<HttpResponse<String>> gaveUp = calls.createAsync(order, "key-" + order, Duration.ofMillis(300));

        assertThatThrownBy(gaveUp::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
        // The SDK maps a 409 to its ApiException; the error's type says idempotency_error.
        assertThatThrownBy(() -> charge(order, "key-" + order)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(409);
            assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
        });
        String created = emulator.ledger().paymentIntents().stream()
                .filter(pi -> order.equals(pi.path("metadata").path("order_id").asText()))
                .findFirst().orElseThrow().path("id").asText();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(ApiException.class)
                .untilAsserted(() -> assertThat(charge(order, "key-" + order).getId()).isEqualTo(created));
        HttpResponse<String> replayed = calls.create(order, "key-" + order);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
        assertThat(injected().get("executedThenTimeout").asLong()).isEqualTo(1);
    }

    @Test
    void aClientThatWaitsOutTheHangGetsTheTrueResult() throws Exception {
        String order = UUID.randomUUID().toString();
        faults("{\"script\": [\"executedThenTimeout\"], \"hangMs\": 400}");
        long sent = System.nanoTime();

        HttpResponse<String> answered = calls.create(order, null);

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()).get("status").asText()).isEqualTo("succeeded");
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
    }

    @Test
    void aRefused500CreatesNothingAndIsReplayedWhileARateLimitIsNotStored() throws Exception {
        String refused = UUID.randomUUID().toString();
        String limited = UUID.randomUUID().toString();
        faults("{\"script\": [\"refused500\", \"rateLimited\"]}");

        assertThat(calls.create(refused, "key-" + refused).statusCode()).isEqualTo(500);
        HttpResponse<String> rateLimited = calls.create(limited, "key-" + limited);
        HttpResponse<String> replayed = calls.create(refused, "key-" + refused);
        HttpResponse<String> retried = calls.create(limited, "key-" + limited);

        assertThat(rateLimited.statusCode()).isEqualTo(429);
        assertThat(rateLimited.headers().firstValue("Stripe-Should-Retry")).hasValue("true");
        assertThat(replayed.statusCode()).isEqualTo(500);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(emulator.ledger().paymentIntents())
                .noneMatch(pi -> refused.equals(pi.path("metadata").path("order_id").asText()));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(emulator.ledger().chargesForOrder(limited)).isEqualTo(1);
    }

    @Test
    void theScriptAnswersTheNextCreatesInOrderAndIsReadBackWithTheInjectedCounts() throws Exception {
        JsonNode set = JSON.readTree(faults("{\"script\": [\"rateLimited\", \"executedThen500\", \"none\", \"refused500\"]}"));
        assertThat(set.get("script").toString()).isEqualTo("[\"rateLimited\",\"executedThen500\",\"none\",\"refused500\"]");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(calls.create(UUID.randomUUID().toString(), null).statusCode());
        }

        assertThat(statuses).containsExactly(429, 500, 200, 500, 200);
        JsonNode state = JSON.readTree(calls.get("/_emulator/faults").body());
        assertThat(state.get("script")).isEmpty();
        assertThat(state.get("injected").toString())
                .isEqualTo("{\"executedThen500\":1,\"executedThenTimeout\":0,\"refused500\":1,\"rateLimited\":1}");
    }

    @Test
    void aReplayTakesItsScriptedFaultWithoutEffectAndItIsNotCountedAsInjected() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        faults("{\"script\": [\"executedThen500\", \"refused500\"]}");

        assertThat(calls.create(first, "key-" + first).statusCode()).isEqualTo(500);
        HttpResponse<String> replayed = calls.create(first, "key-" + first);
        HttpResponse<String> created = calls.create(second, "key-" + second);

        assertThat(replayed.statusCode()).isEqualTo(500);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(emulator.ledger().chargesForOrder(first)).isEqualTo(1);
        assertThat(injected().get("executedThen500").asLong()).isEqualTo(1);
        assertThat(injected().get("refused500").asLong()).isZero();
    }

    @Test
    void aSeededAmbiguousRateAnswersTheSameCreatesTheSameWayOnEveryRun() {
        String settings = "{\"seed\": 5, \"ambiguousRate\": 0.5, \"ambiguousKinds\": [\"executedThen500\"]}";

        faults(settings);
        List<Integer> firstRun = statusesOfCreates(30);
        faults(settings);
        List<Integer> secondRun = statusesOfCreates(30);

        assertThat(secondRun).isEqualTo(firstRun);
        assertThat(firstRun).contains(200, 500);
    }

    @Test
    void aSecondRequestWithTheKeyDuringTheFirstsLatencyIsA409() throws Exception {
        String order = UUID.randomUUID().toString();
        faults("{\"latencyMs\": 1000}");

        CompletableFuture<HttpResponse<String>> first = calls.createAsync(order, "key-" + order, Duration.ofSeconds(10));
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> calls.create(order, "key-" + order).statusCode() == 409);

        assertThat(first.get().statusCode()).isEqualTo(200);
        HttpResponse<String> afterwards = calls.create(order, "key-" + order);
        assertThat(afterwards.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(afterwards.body()).isEqualTo(first.get().body());
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(1);
    }

    @Test
    void aForgottenKeyCreatesAnewAsAKeyStripePruned() throws Exception {
        String order = UUID.randomUUID().toString();
        String first = JSON.readTree(calls.create(order, "key-" + order).body()).get("id").asText();

        HttpResponse<String> forgot = calls.postJson("/_emulator/idempotency", "{\"forget\": [\"key-" + order + "\"]}");
        HttpResponse<String> again = calls.create(order, "key-" + order);

        assertThat(forgot.body()).isEqualTo("{\"keyTtlSeconds\":86400.0,\"forgotten\":1}");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(JSON.readTree(again.body()).get("id").asText()).isNotEqualTo(first);
        assertThat(emulator.ledger().chargesForOrder(order)).isEqualTo(2);
        assertThat(calls.postJson("/_emulator/idempotency", "{\"forgetAll\": true}").statusCode()).isEqualTo(200);
        assertThat(calls.create(order, "key-" + order).headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(calls.postJson("/_emulator/idempotency", "{\"forget\": \"key\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void faultSettingsAreReadBackAndARefusedPostChangesNothing() throws Exception {
        String all = "{\"latencyMs\":0,\"transientFailureRate\":0.0,\"failNext\":1,\"seed\":9,"
                + "\"script\":[\"executedThenTimeout\"],\"ambiguousRate\":0.01,\"ambiguousKinds\":[\"executedThenTimeout\"],"
                + "\"hangMs\":2000,\"searchLagMs\":5000}";

        JsonNode set = JSON.readTree(faults(all));
        HttpResponse<String> refused = calls.postJson("/_emulator/faults", "{\"script\": [\"executedTwice\"]}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(calls.get("/_emulator/faults").body())).isEqualTo(set);
        set.fieldNames().forEachRemaining(field -> assertThat(all + "injected ambiguousOrders").as(field).contains(field));
        assertThat(set.get("hangMs").asLong()).isEqualTo(2000);
        assertThat(set.get("searchLagMs").asLong()).isEqualTo(5000);
        assertThat(JSON.readTree(faults("{}")).get("searchLagMs").asLong()).isEqualTo(60_000);
    }

    private static List<Integer> statusesOfCreates(int creates) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < creates; i++) {
            statuses.add(calls.create(UUID.randomUUID().toString(), null).statusCode());
        }
        return statuses;
    }

    private static String faults(String json) {
        HttpResponse<String> response = calls.postJson("/_emulator/faults", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode injected() throws Exception {
        return JSON.readTree(calls.get("/_emulator/faults").body()).get("injected");
    }

    /** The same create as {@link EmulatorCalls#create}, through the SDK. */
    private static PaymentIntent charge(String orderId, String idempotencyKey) throws StripeException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(700L).setCurrency("eur").setPaymentMethod("pm_card_visa").setConfirm(true)
                .putMetadata("order_id", orderId).build();
        return stripe.paymentIntents().create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
    }
}
