package io.comanda.platform;

import io.comanda.devstack.quarkus.KafkaTestResource;
import io.comanda.devstack.quarkus.OutboxRelayTestResource;
import io.comanda.devstack.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real parts every test of this module runs against, started once for the whole run. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "orders"))
@WithTestResource(value = OutboxRelayTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = OutboxRelayTestResource.CONNECTOR, value = "orders-outbox"))
public final class PlatformTestResources {

    private PlatformTestResources() {
    }
}
