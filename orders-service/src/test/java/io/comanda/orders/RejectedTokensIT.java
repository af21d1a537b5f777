package io.comanda.orders;

import io.comanda.devstack.clients.ForgedTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestSigningKey;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every token that is not a valid one of this realm for this audience gets a 401 problem and nothing
 * else. The forged ones are signed with a key the realm publishes (the test's own, see
 * {@link TestSigningKey}), so each is refused for its one wrong claim, not for its signature: the
 * same key with the real claims is accepted.
 */
@QuarkusTest
class RejectedTokensIT {

    private static ForgedTokens forged;
    private static String realmUrl;

    @BeforeAll
    static void keys() {
        var config = ConfigProvider.getConfig();
        forged = new ForgedTokens(config.getValue(TestSigningKey.PRIVATE_KEY_PROPERTY, String.class),
                config.getValue(TestSigningKey.KEY_ID_PROPERTY, String.class));
        realmUrl = config.getValue("quarkus.oidc.auth-server-url", String.class);
    }

    @Test
    void theTestKeyWithTheRealClaimsIsAccepted() {
        String token = forged.signed(Customers.token(LocalUser.ALICE), claims -> { });

        given().auth().oauth2(token).get("/orders").then().statusCode(200);
    }

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(
                Arguments.of("expired", (Function<String, String>) real -> forged.expired(real, 600)),
                Arguments.of("not yet valid", (Function<String, String>) real -> forged.notYetValid(real, 600)),
                Arguments.of("from another issuer", (Function<String, String>) real -> forged.signed(real,
                        claims -> claims.put("iss", "http://127.0.0.1:1/realms/comanda"))),
                Arguments.of("for another audience", (Function<String, String>) real -> forged.signed(real,
                        claims -> claims.put("aud", "another-service").put("azp", "another-service"))),
                Arguments.of("alg none", (Function<String, String>) ForgedTokens::unsigned),
                Arguments.of("HS256 signed with the realm's public key",
                        (Function<String, String>) real -> ForgedTokens.hmacWithRealmPublicKey(real, realmUrl)),
                Arguments.of("tampered payload", (Function<String, String>) ForgedTokens::tampered),
                Arguments.of("not a JWT", (Function<String, String>) real -> "not-a-jwt"),
                Arguments.of("truncated", (Function<String, String>) real -> real.substring(0, real.length() - 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void aTokenThatIsWrongInOneWayGetsA401ProblemAndNothingElse(String wrong, Function<String, String> forge) {
        String token = forge.apply(Customers.token(LocalUser.ALICE));

        Map<String, Object> problem = given().auth().oauth2(token).get("/orders")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:comanda:problem:unauthorized"))
                .body("status", equalTo(401))
                .extract().as(Map.class);
        assertThat(problem.keySet()).isSubsetOf(Set.of("type", "title", "status", "detail", "instance", "correlationId"));
        given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", Customers.newKey())
                .body(Customers.espressoOrder("forged")).post("/orders")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
