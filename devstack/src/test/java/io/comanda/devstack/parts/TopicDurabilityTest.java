package io.comanda.devstack.parts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The durability of the stack's topics, and the variables that hand it to the services and the relay. */
class TopicDurabilityTest {

    @Test
    void aClusterKeepsThreeCopiesAndAWriteWaitsForTwo() {
        assertThat(TopicDurability.THREE_BROKERS.environment())
                .containsEntry("COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR", "3")
                .containsEntry("COMANDA_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", "2");
        assertThat(TopicDurability.ONE_BROKER.environment())
                .containsEntry("COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR", "1")
                .containsEntry("COMANDA_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", "1");
    }

    @Test
    void eachVariableIsAKeyTheServicesRead() throws IOException {
        Properties platform = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Path.of("../platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            platform.load(reader);
        }

        // MicroProfile Config's rule: the key in capitals, '_' for '.' and '-'.
        assertThat(platform.stringPropertyNames().stream()
                .map(key -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')))
                .containsAll(TopicDurability.THREE_BROKERS.environment().keySet());
    }

    @Test
    void aWriteCannotWaitForMoreCopiesThanThereAre() {
        assertThatThrownBy(() -> new TopicDurability((short) 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
