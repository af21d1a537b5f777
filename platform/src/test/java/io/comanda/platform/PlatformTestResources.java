package io.comanda.platform;

import io.comanda.devstack.quarkus.KafkaTestResource;
import io.comanda.devstack.quarkus.OutboxRelayTestResource;
import io.comanda.devstack.quarkus.PostgresTestResource;
import io.comanda.devstack.quarkus.ZipkinTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real parts every test of this module runs against, started once for the whole run by devstack's
 * {@code TestStack} (see each resource for the configuration keys it sets):
 * <ul>
 *   <li>Kafka, in-process: {@code kafka.bootstrap.servers};</li>
 *   <li>PostgreSQL with the database {@code orders}: {@code quarkus.datasource.*};</li>
 *   <li>Kafka Connect relaying the outbox with {@code debezium/orders-outbox.json}, registered once the
 *       application has migrated, before the first test (it sets no key);</li>
 *   <li>Zipkin, receiving every span through the platform's exporter: {@code comanda.tracing.*},
 *       {@code comanda.test.zipkin-url}.</li>
 * </ul>
 */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "orders"))
@WithTestResource(value = OutboxRelayTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = OutboxRelayTestResource.CONNECTOR, value = "orders-outbox"))
@WithTestResource(value = ZipkinTestResource.class, scope = TestResourceScope.GLOBAL)
public final class PlatformTestResources {

    private PlatformTestResources() {
    }
}
