package io.comanda.devstack.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.StackHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak through the password grant of the public {@code comanda-cli}
 * client, as a person with curl gets them. For tests and the command line only.
 */
public final class AccessTokens {

    public static final String CLI_CLIENT = "comanda-cli";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> REUSED = new ConcurrentHashMap<>();

    private AccessTokens() {
    }

    /**
     * One token per user and Keycloak for the whole test run (tokens live 15 minutes, longer than a
     * module's tests), so that requests do not each pay a password grant.
     */
    public static String reused(String keycloakUrl, LocalUser user) {
        return REUSED.computeIfAbsent(keycloakUrl + " " + user.username(), key -> forUser(keycloakUrl, user));
    }

    /** A fresh access token for {@code user} from the Keycloak at {@code keycloakUrl}. */
    public static String forUser(String keycloakUrl, LocalUser user) {
        return forCredentials(keycloakUrl, user.username(), user.password());
    }

    /**
     * @throws IllegalStateException with Keycloak's answer when it refuses the credentials
     */
    public static String forCredentials(String keycloakUrl, String username, String password) {
        return token(keycloakUrl, username, "grant_type=password&client_id=" + CLI_CLIENT
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&scope=openid");
    }

    /**
     * A token of a confidential client's service account (client-credentials grant), as a service gets it.
     *
     * @throws IllegalStateException with Keycloak's answer when it refuses the credentials
     */
    public static String forServiceAccount(String keycloakUrl, String clientId, String secret) {
        return token(keycloakUrl, clientId, "grant_type=client_credentials&client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    private static String token(String keycloakUrl, String username, String form) {
        HttpResponse<String> response = StackHttp.send(HttpRequest.newBuilder(
                        URI.create(KeycloakServer.realmUrl(keycloakUrl) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(15))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + ": "
                    + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of a JWT, read without verifying it (the services verify; tests only look). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
