package io.comanda.payments;

import io.comanda.devstack.quarkus.KafkaTestResource;
import io.comanda.devstack.quarkus.KeycloakTestResource;
import io.comanda.devstack.quarkus.OutboxRelayTestResource;
import io.comanda.devstack.quarkus.PostgresTestResource;
import io.comanda.devstack.quarkus.StripeEmulatorTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real parts every test of payments-service runs against, started once for the whole run by
 * devstack's {@code TestStack} (see each resource for the configuration keys it sets):
 * <ul>
 *   <li>Kafka, in-process: {@code kafka.bootstrap.servers};</li>
 *   <li>PostgreSQL with the database {@code payments}: {@code quarkus.datasource.*};</li>
 *   <li>Kafka Connect relaying the outbox with {@code debezium/payments-outbox.json}, registered once the
 *       application has migrated, before the first test (it sets no key);</li>
 *   <li>the Stripe emulator, in-process: {@code comanda.stripe.api-base}, {@code comanda.test.stripe-url};</li>
 *   <li>Keycloak with the {@code comanda} realm, for the payment-state API: {@code quarkus.oidc.auth-server-url},
 *       {@code comanda.test.keycloak-url}.</li>
 * </ul>
 */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "payments"))
@WithTestResource(value = OutboxRelayTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = OutboxRelayTestResource.CONNECTOR, value = "payments-outbox"))
@WithTestResource(value = StripeEmulatorTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL)
public final class PaymentsTestResources {

    private PaymentsTestResources() {
    }
}
