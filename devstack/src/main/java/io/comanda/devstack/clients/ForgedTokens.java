package io.comanda.devstack.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.comanda.devstack.parts.StackHttp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Tokens a service must refuse, each wrong in one way: signed with the realm's published test key
 * ({@code TestSigningKey}) but with claims changed, or not validly signed at all. Start from a real
 * token's claims so that everything but the one change is what Keycloak issues.
 */
public final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey signingKey;
    private final String keyId;

    /**
     * @param privateKeyBase64 the test key, PKCS#8 in base64 ({@code comanda.test.signing-key})
     * @param keyId            its kid in the realm's key set ({@code comanda.test.signing-key-id})
     */
    public ForgedTokens(String privateKeyBase64, String keyId) {
        try {
            this.signingKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key", e);
        }
        this.keyId = keyId;
    }

    /** The claims of {@code realToken} with {@code change} applied, signed RS256 with the test key. */
    public String signed(String realToken, Consumer<ObjectNode> change) {
        ObjectNode claims = (ObjectNode) AccessTokens.claims(realToken).deepCopy();
        change.accept(claims);
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", keyId);
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code realToken}'s claims, valid in every other way, expired {@code secondsAgo}. */
    public String expired(String realToken, long secondsAgo) {
        long now = Instant.now().getEpochSecond();
        return signed(realToken, claims -> claims.put("iat", now - secondsAgo - 300).put("exp", now - secondsAgo));
    }

    /** Valid only from {@code secondsAhead} on. */
    public String notYetValid(String realToken, long secondsAhead) {
        long now = Instant.now().getEpochSecond();
        return signed(realToken, claims -> claims.put("nbf", now + secondsAhead).put("iat", now + secondsAhead)
                .put("exp", now + secondsAhead + 300));
    }

    /** The same claims with the header {@code alg: none} and no signature. */
    public static String unsigned(String realToken) {
        String[] parts = realToken.split("\\.");
        return encode(JSON.createObjectNode().put("alg", "none").put("typ", "JWT")) + "." + parts[1] + ".";
    }

    /**
     * The same claims signed HS256 with the realm's RSA public key as the shared secret: the
     * algorithm-confusion attack on verifiers that trust the token's {@code alg}.
     */
    public static String hmacWithRealmPublicKey(String realToken, String realmUrl) {
        JsonNode realmKey = realmSigningKey(realmUrl);
        byte[] publicKey = rsaPublicKey(realmKey);
        String header = encode(JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT")
                .put("kid", realmKey.path("kid").asText()));
        String signingInput = header + "." + realToken.split("\\.")[1];
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token whose payload is changed (here: an added role) under its original signature. */
    public static String tampered(String realToken) {
        String[] parts = realToken.split("\\.");
        ObjectNode claims = (ObjectNode) AccessTokens.claims(realToken).deepCopy();
        claims.putObject("realm_access").putArray("roles").add("customer").add("admin");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static JsonNode realmSigningKey(String realmUrl) {
        try {
            JsonNode keys = JSON.readTree(StackHttp.send(HttpRequest.newBuilder(
                    URI.create(realmUrl + "/protocol/openid-connect/certs")).build()).body()).path("keys");
            for (JsonNode key : keys) {
                if ("RSA".equals(key.path("kty").asText()) && "sig".equals(key.path("use").asText())) {
                    return key;
                }
            }
            throw new IllegalStateException("the realm publishes no RSA signing key: " + keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The X.509 SubjectPublicKeyInfo bytes of a JWK, as a PEM file would hold them. */
    private static byte[] rsaPublicKey(JsonNode jwk) {
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode(jwk.path("n").asText())),
                    new BigInteger(1, decoder.decode(jwk.path("e").asText())))).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonNode json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
