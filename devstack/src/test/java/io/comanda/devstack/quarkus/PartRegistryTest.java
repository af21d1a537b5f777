package io.comanda.devstack.quarkus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A part's record survives its trip through the JVM-wide registry, and a part is started only once. */
class PartRegistryTest {

    private static final String PART = "registry-test";

    @AfterEach
    void forget() {
        System.clearProperty("comanda.devstack.part." + PART);
    }

    @Test
    void aRecordComesBackEqualIncludingANestedOne() {
        SharedParts.Kafka kafka = new SharedParts.Kafka("127.0.0.1:40001",
                new SharedParts.KafkaJvm(4242, 40001, 40002, "/tmp/kafka"));

        PartRegistry.put(PART, kafka);

        assertThat(PartRegistry.get(PART, SharedParts.Kafka.class)).contains(kafka);
    }

    @Test
    void theStoredFormIsTheDocumentedJson() {
        PartRegistry.put(PART, new SharedParts.Keycloak("http://127.0.0.1:1", "http://127.0.0.1:1/realms/comanda"));

        assertThat(System.getProperty("comanda.devstack.part." + PART))
                .isEqualTo("{\"url\":\"http://127.0.0.1:1\",\"realmUrl\":\"http://127.0.0.1:1/realms/comanda\"}");
    }

    @Test
    void aPartIsStartedByTheFirstAskerOnly() {
        AtomicInteger starts = new AtomicInteger();

        SharedParts.Stripe first = PartRegistry.getOrStart(PART, SharedParts.Stripe.class,
                () -> new SharedParts.Stripe("http://127.0.0.1:" + (40000 + starts.incrementAndGet())));
        SharedParts.Stripe second = PartRegistry.getOrStart(PART, SharedParts.Stripe.class,
                () -> new SharedParts.Stripe("http://127.0.0.1:" + (40000 + starts.incrementAndGet())));

        assertThat(starts).hasValue(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aRestartableBrokerIsAbsentFromAnInProcessOne() {
        PartRegistry.put(PART, new SharedParts.Kafka("127.0.0.1:40001", null));

        assertThat(PartRegistry.get(PART, SharedParts.Kafka.class).orElseThrow().process()).isNull();
    }
}
