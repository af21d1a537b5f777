package io.comanda.payments;

import io.comanda.devstack.quarkus.KafkaTestResource;
import io.comanda.devstack.quarkus.OutboxRelayTestResource;
import io.comanda.devstack.quarkus.PostgresTestResource;
import io.comanda.devstack.quarkus.StripeEmulatorTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real parts every test of payments-service runs against, started once for the whole run. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "payments"))
@WithTestResource(value = OutboxRelayTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = OutboxRelayTestResource.CONNECTOR, value = "payments-outbox"))
@WithTestResource(value = StripeEmulatorTestResource.class, scope = TestResourceScope.GLOBAL)
public final class PaymentsTestResources {

    private PaymentsTestResources() {
    }
}
