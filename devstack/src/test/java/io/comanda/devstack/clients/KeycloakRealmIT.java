package io.comanda.devstack.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.comanda.devstack.quarkus.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The realm file, imported by a real Keycloak, gives the users, roles and audience the services rely on. */
class KeycloakRealmIT {

    private static String keycloakUrl;

    @BeforeAll
    static void startKeycloak() {
        keycloakUrl = TestStack.keycloak().url();
    }

    @Test
    void aliceGetsATokenWithTheCustomerRoleForTheServices() {
        JsonNode claims = AccessTokens.claims(AccessTokens.forUser(keycloakUrl, LocalUser.ALICE));

        assertThat(texts(claims.path("realm_access").path("roles"))).contains("customer").doesNotContain("admin");
        assertThat(audiences(claims)).contains("comanda-services");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("alice");
        assertThat(claims.path("sub").asText()).isNotBlank();
        assertThat(claims.path("iss").asText()).isEqualTo(keycloakUrl + "/realms/comanda");
    }

    @Test
    void opsGetsTheAdminRole() {
        JsonNode claims = AccessTokens.claims(AccessTokens.forUser(keycloakUrl, LocalUser.OPS));

        assertThat(texts(claims.path("realm_access").path("roles"))).contains("admin").doesNotContain("customer");
    }

    @Test
    void ordersServiceAccountReadsPaymentStatesOnlyAndCustomersMayNot() {
        // The realm file's local-development secret of the client comanda-orders.
        JsonNode service = AccessTokens.claims(AccessTokens.forServiceAccount(keycloakUrl, "comanda-orders",
                "orders-local-dev-secret"));
        JsonNode alice = AccessTokens.claims(AccessTokens.forUser(keycloakUrl, LocalUser.ALICE));

        assertThat(texts(service.path("realm_access").path("roles"))).contains("reconciler")
                .doesNotContain("admin", "customer");
        assertThat(audiences(service)).contains("comanda-services");
        assertThat(texts(alice.path("realm_access").path("roles"))).doesNotContain("reconciler");
    }

    @Test
    void aliceAndBobAreDifferentSubjects() {
        String alice = AccessTokens.claims(AccessTokens.forUser(keycloakUrl, LocalUser.ALICE)).path("sub").asText();
        String bob = AccessTokens.claims(AccessTokens.forUser(keycloakUrl, LocalUser.BOB)).path("sub").asText();

        assertThat(alice).isNotEqualTo(bob);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> AccessTokens.forCredentials(keycloakUrl, "alice", "not-her-password"))
                .hasMessageContaining("invalid_grant");
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? texts(aud) : List.of(aud.asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
