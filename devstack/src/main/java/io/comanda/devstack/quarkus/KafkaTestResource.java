package io.comanda.devstack.quarkus;

import java.util.Map;

/**
 * A real Kafka broker (KRaft) with the catalogue topics, for a service's tests. In-process by
 * default; with the init argument {@code restartable=true} in its own JVM, so tests can stop and
 * restart it through {@link TestStack}.
 *
 * <p>Sets {@code kafka.bootstrap.servers}.
 */
public class KafkaTestResource extends SharedPartResource {

    public static final String RESTARTABLE = "restartable";

    private boolean restartable;

    @Override
    public void init(Map<String, String> initArgs) {
        restartable = Boolean.parseBoolean(initArgs.getOrDefault(RESTARTABLE, "false"));
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestStack.kafka(restartable).bootstrapServers());
    }
}
