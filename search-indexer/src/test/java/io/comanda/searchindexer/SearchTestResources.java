package io.comanda.searchindexer;

import io.comanda.devstack.quarkus.KafkaTestResource;
import io.comanda.devstack.quarkus.KeycloakTestResource;
import io.comanda.devstack.quarkus.PostgresTestResource;
import io.comanda.devstack.quarkus.ZipkinTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real parts every test of search-indexer runs against, started once for the whole run. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "search"))
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ZipkinTestResource.class, scope = TestResourceScope.GLOBAL)
public final class SearchTestResources {

    private SearchTestResources() {
    }
}
