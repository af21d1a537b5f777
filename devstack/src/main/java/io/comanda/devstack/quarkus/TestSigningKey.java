package io.comanda.devstack.quarkus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.StackHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * An RSA key of the test's own, added to the {@code comanda} realm of the test Keycloak with a lower
 * priority than the realm's key: Keycloak keeps signing with its own and publishes both in the realm's
 * key set, so a service under test trusts tokens the test signs. That lets tests mint tokens whose
 * claims are wrong in one way only (expired, not yet valid, another issuer or audience) and check the
 * service refuses each for that reason alone. Added before the service starts, which reads the key
 * set then. Never part of the local stack.
 */
public final class TestSigningKey {

    /** Where the test's private key (PKCS#8, base64) and its key id reach the tests. */
    public static final String PRIVATE_KEY_PROPERTY = "comanda.test.signing-key";
    public static final String KEY_ID_PROPERTY = "comanda.test.signing-key-id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> registered;

    private TestSigningKey() {
    }

    /** Adds a fresh key to the realm once per Keycloak and JVM; the properties that hand it to tests. */
    static synchronized Map<String, String> registerOnce(SharedParts.Keycloak keycloak) {
        if (registered == null) {
            KeyPair keys = generate();
            String adminToken = adminToken(keycloak.url());
            String realmId = get(keycloak.url() + "/admin/realms/comanda", adminToken).path("id").asText();
            addKey(keycloak.url(), adminToken, realmId, keys);
            registered = Map.of(
                    PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()),
                    KEY_ID_PROPERTY, keyIdOf(keycloak.realmUrl(), (RSAPublicKey) keys.getPublic()));
        }
        return registered;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addKey(String keycloakUrl, String adminToken, String realmId, KeyPair keys) {
        ObjectNode component = JSON.createObjectNode()
                .put("name", "comanda-test-signing-key")
                .put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add("1");
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----");
        HttpResponse<String> response = StackHttp.send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/admin/realms/comanda/components"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component.toString()))
                .timeout(Duration.ofSeconds(30))
                .build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the test signing key: " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** The kid Keycloak gave the key, found in the realm's published key set by its modulus. */
    private static String keyIdOf(String realmUrl, RSAPublicKey publicKey) {
        String modulus = Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(publicKey.getModulus()));
        JsonNode keys = get(realmUrl + "/protocol/openid-connect/certs", null).path("keys");
        for (JsonNode key : keys) {
            if (modulus.equals(key.path("n").asText())) {
                return key.path("kid").asText();
            }
        }
        throw new IllegalStateException("the realm does not publish the test signing key: " + keys);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String adminToken(String keycloakUrl) {
        HttpResponse<String> response = StackHttp.send(HttpRequest.newBuilder(
                        URI.create(KeycloakServer.realmUrl(keycloakUrl).replace("/realms/comanda", "/realms/master")
                                + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .timeout(Duration.ofSeconds(30))
                .build());
        return read(response).path("access_token").asText();
    }

    private static JsonNode get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return read(StackHttp.send(request.build()));
    }

    private static JsonNode read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
