package io.comanda.orders;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.MetricSamples;
import io.comanda.events.EventType;
import io.comanda.platform.messaging.DeadLetters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A dead letter after which a charge may exist is shown as such, and an operator cannot discard it by
 * mistake: the discard is refused unless the service's check finds no charge, or the operator forces it
 * with a reason, which is kept, logged and counted. The dead letters are written to orders-service's
 * dead-letter topic as the platform parks them, with the flag.
 */
@QuarkusTest
class FlaggedDeadLetterDiscardIT {

    private static final String DEAD_LETTER_TOPIC = "comanda.payments.orders-service.dlq";
    private static final String FORCED = "comanda_dead_letters_forced_discards_total";
    private static final String DISCARDED = "comanda_dead_letters_discarded_total";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @AfterEach
    void checkOff() {
        CheckedEffects.turnOff();
    }

    @Test
    void aFlaggedDeadLetterIsListedWithWhatMayHaveHappened() {
        String key = UUID.randomUUID().toString();
        parkFlagged(key);

        Map<String, Object> listed = waiting(key).get(0);

        assertThat(listed).containsEntry("effectMayExist", effect(key));
        assertThat((String) listed.get("reason")).startsWith(effect(key));
        Customers.as(LocalUser.OPS).get("/admin/dead-letters/" + listed.get("id")).then().statusCode(200)
                .body("effectMayExist", equalTo(effect(key)));
    }

    @Test
    void discardingAFlaggedDeadLetterNoCheckAppliesToIsRefusedSayingWhyAndHowToForceIt() {
        String key = UUID.randomUUID().toString();
        String id = parkFlagged(key);
        double discardedBefore = counter(DISCARDED);

        Customers.as(LocalUser.OPS).delete("/admin/dead-letters/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:conflict"))
                .body("detail", containsString(effect(key)))
                .body("detail", containsString("force=true"));

        assertThat(waiting(key)).as("the flagged dead letter still waits").hasSize(1);
        assertThat(counter(DISCARDED)).isEqualTo(discardedBefore);
    }

    @Test
    void aForcedDiscardNeedsAReason() {
        String key = UUID.randomUUID().toString();
        String id = parkFlagged(key);

        Customers.as(LocalUser.OPS).queryParam("force", true).delete("/admin/dead-letters/" + id).then()
                .statusCode(400).contentType("application/problem+json");
        assertThat(waiting(key)).hasSize(1);
    }

    @Test
    void aForcedDiscardWithAReasonGoesAheadKeepsTheReasonAndIsCounted() {
        String key = UUID.randomUUID().toString();
        String id = parkFlagged(key);
        double forcedBefore = counter(FORCED);
        assertThat(RestAssured.get("/q/metrics").asString()).as("the forced discards, counted from zero")
                .contains(FORCED + "{");

        Customers.as(LocalUser.OPS).queryParam("force", true).queryParam("reason", "no charge at the provider")
                .delete("/admin/dead-letters/" + id).then().statusCode(204);

        assertThat(waiting(key)).isEmpty();
        Customers.as(LocalUser.OPS).get("/admin/dead-letters/" + id).then().statusCode(200)
                .body("resolution.action", equalTo("DISCARDED"))
                .body("resolution.by", equalTo(LocalUser.OPS.username()))
                .body("resolution.reason", equalTo("no charge at the provider"));
        assertThat(counter(FORCED)).isEqualTo(forcedBefore + 1);
    }

    @Test
    void aCheckThatFindsTheChargeRefusesTheDiscardWithItsSentence() {
        CheckedEffects.turnOn();
        String key = UUID.randomUUID().toString();
        String id = parkFlagged(key);

        Customers.as(LocalUser.OPS).delete("/admin/dead-letters/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(CheckedEffects.refusalFor(key)));
        assertThat(waiting(key)).hasSize(1);
    }

    @Test
    void aCheckThatFindsNoChargeLetsTheDiscardGoAheadUnforcedAndUncounted() {
        CheckedEffects.turnOn();
        String key = UUID.randomUUID().toString();
        CheckedEffects.clear(key);
        String id = parkFlagged(key);
        double forcedBefore = counter(FORCED);
        double discardedBefore = counter(DISCARDED);

        Customers.as(LocalUser.OPS).delete("/admin/dead-letters/" + id).then().statusCode(204);

        assertThat(waiting(key)).isEmpty();
        assertThat(counter(DISCARDED)).isEqualTo(discardedBefore + 1);
        assertThat(counter(FORCED)).isEqualTo(forcedBefore);
    }

    @Test
    void aPlainDeadLetterIsStillDiscardedWithoutForce() {
        String key = UUID.randomUUID().toString();
        try (EventProducer producer = producer()) {
            producer.sendRaw(DEAD_LETTER_TOPIC, key, EventProducer.headers("ce_id", UUID.randomUUID().toString(),
                    "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType(), DeadLetters.REASON, "unknown order " + key),
                    "{}".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> listed = awaitWaiting(key);
        assertThat(listed.get("effectMayExist")).isNull();

        Customers.as(LocalUser.OPS).delete("/admin/dead-letters/" + listed.get("id")).then().statusCode(204);
    }

    private static String effect(String key) {
        return "The provider may have charged order " + key;
    }

    /**
     * Writes a dead letter as the platform parks one whose consumer failed after a charge may have been
     * made, and answers its id once it is listed.
     */
    private static String parkFlagged(String key) {
        try (EventProducer producer = producer()) {
            producer.sendRaw(DEAD_LETTER_TOPIC, key, EventProducer.headers("ce_id", UUID.randomUUID().toString(),
                    "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType(),
                    DeadLetters.REASON, effect(key) + ": the outcome was not recorded",
                    DeadLetters.EFFECT_MAY_EXIST, effect(key)), "{}".getBytes(StandardCharsets.UTF_8));
        }
        return (String) awaitWaiting(key).get("id");
    }

    private static Map<String, Object> awaitWaiting(String key) {
        return await().atMost(PATIENCE).until(() -> waiting(key).stream().findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static List<Map<String, Object>> waiting(String key) {
        List<Map<String, Object>> items = Customers.as(LocalUser.OPS).queryParam("size", 100)
                .get("/admin/dead-letters").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> key.equals(item.get("key"))).toList();
    }

    private static double counter(String metric) {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), metric, "group=\"orders-service\"");
    }

    private static EventProducer producer() {
        return new EventProducer(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
