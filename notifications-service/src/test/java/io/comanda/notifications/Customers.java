package io.comanda.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.Mailbox;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.UUID;

/** The realm's customers as the services know them: by the subject of their tokens. */
final class Customers {

    static final String ALICE_ADDRESS = LocalUser.ALICE.email();
    static final String BOB_ADDRESS = LocalUser.BOB.email();

    private Customers() {
    }

    static String keycloakUrl() {
        return ConfigProvider.getConfig().getValue("comanda.test.keycloak-url", String.class);
    }

    static String token(LocalUser user) {
        return AccessTokens.forUser(keycloakUrl(), user);
    }

    /** The mailbox of {@code address} on the test SMTP server, read over IMAP. */
    static Mailbox mailbox(String address) {
        var config = ConfigProvider.getConfig();
        return new Mailbox(config.getValue("comanda.test.imap-host", String.class),
                config.getValue("comanda.test.imap-port", Integer.class), address);
    }

    /** The user's id in Keycloak: the {@code customerId} of their orders. */
    static String id(LocalUser user) {
        return AccessTokens.claims(token(user)).path("sub").asText();
    }

    /**
     * Creates a user with no e-mail address through Keycloak's admin API (as an administrator would)
     * and returns its id.
     */
    static String createWithoutAddress() {
        String admin = RestAssured.given().baseUri(keycloakUrl()).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String location = RestAssured.given().baseUri(keycloakUrl()).auth().oauth2(admin).contentType("application/json")
                .body(new ObjectMapper().createObjectNode().put("username", "nomail-" + UUID.randomUUID())
                        .put("enabled", true).toString())
                .post("/admin/realms/comanda/users")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
