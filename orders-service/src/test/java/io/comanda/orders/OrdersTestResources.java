package io.comanda.orders;

import io.comanda.devstack.quarkus.KafkaTestResource;
import io.comanda.devstack.quarkus.KeycloakTestResource;
import io.comanda.devstack.quarkus.OutboxRelayTestResource;
import io.comanda.devstack.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real parts every test of orders-service runs against, started once for the whole run by
 * devstack's {@code TestStack} (see each resource for the configuration keys it sets):
 * <ul>
 *   <li>Kafka, in its own JVM so that {@code KafkaOutageIT} can stop and restart it: {@code kafka.bootstrap.servers};</li>
 *   <li>PostgreSQL with the database {@code orders}: {@code quarkus.datasource.*};</li>
 *   <li>Kafka Connect relaying the outbox with {@code debezium/orders-outbox.json}, registered once the
 *       application has migrated, before the first test (it sets no key);</li>
 *   <li>Keycloak with the {@code comanda} realm: {@code quarkus.oidc.auth-server-url},
 *       {@code comanda.test.keycloak-url}.</li>
 * </ul>
 */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = KafkaTestResource.RESTARTABLE, value = "true"))
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "orders"))
@WithTestResource(value = OutboxRelayTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = OutboxRelayTestResource.CONNECTOR, value = "orders-outbox"))
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL)
public final class OrdersTestResources {

    private OrdersTestResources() {
    }
}
