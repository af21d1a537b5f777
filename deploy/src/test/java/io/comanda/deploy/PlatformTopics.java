package io.comanda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.events.Topic;
import io.comanda.platform.messaging.ConsumerChannel;
import io.comanda.platform.messaging.ConsumerChannelDefaults;
import io.comanda.platform.messaging.ConsumerChannels;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every topic the running system uses, named by the code that names it: the catalogue's source topics
 * ({@link Topic}), each consumer channel's retry, dead-letter and replay topics as the platform derives them
 * from a service's application.properties ({@link ConsumerChannelDefaults}, {@link ConsumerChannels}), and
 * the relay's heartbeat topics from the connector files.
 */
final class PlatformTopics {

    static final List<String> SERVICES = List.of("orders-service", "payments-service", "notifications-service", "search-indexer");

    private PlatformTopics() {
    }

    /** Topic name to the settings the code gives it beyond durability (retention, cleanup), if it decides any. */
    static Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> topics = new HashMap<>();
        for (Topic topic : Topic.values()) {
            topics.put(topic.topicName(), topic.topicConfig());
        }
        for (String service : SERVICES) {
            for (ConsumerChannel channel : ConsumerChannels.of(configOf(service))) {
                channel.retryTopics().forEach(retry -> topics.putIfAbsent(retry, Map.of()));
                topics.put(channel.deadLetterTopic(), Map.of("retention.ms", "-1", "retention.bytes", "-1"));
                topics.putIfAbsent(channel.replayTopic(), Map.of());
            }
        }
        for (JsonNode connector : connectorFiles()) {
            topics.put("__debezium-heartbeat." + connector.path("config").path("topic.prefix").asText(),
                    Map.of("cleanup.policy", "compact"));
        }
        return topics;
    }

    static List<JsonNode> connectorFiles() {
        try (Stream<Path> files = Files.list(ComandaChart.REPOSITORY_ROOT.resolve("debezium"))) {
            List<JsonNode> connectors = new ArrayList<>();
            for (Path file : new TreeSet<>(files.filter(f -> f.toString().endsWith(".json")).toList())) {
                connectors.add(new ObjectMapper().readTree(file.toFile()));
            }
            return connectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's configuration as the platform reads it: its properties and the derived channel keys. */
    private static SmallRyeConfig configOf(String service) {
        Properties properties = applicationProperties(service);
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, service + " application.properties", 250))
                .withSources(new ConsumerChannelDefaults())
                .build();
    }

    static Properties applicationProperties(String service) {
        return properties(ComandaChart.REPOSITORY_ROOT.resolve(service).resolve("src/main/resources/application.properties"));
    }

    static Properties platformProperties() {
        return properties(ComandaChart.REPOSITORY_ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
