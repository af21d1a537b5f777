package io.comanda.notifications;

import io.comanda.devstack.quarkus.KafkaTestResource;
import io.comanda.devstack.quarkus.KeycloakTestResource;
import io.comanda.devstack.quarkus.PostgresTestResource;
import io.comanda.devstack.quarkus.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real parts every test of notifications-service runs against, started once for the whole run. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notifications"))
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
public final class NotificationsTestResources {

    private NotificationsTestResources() {
    }
}
