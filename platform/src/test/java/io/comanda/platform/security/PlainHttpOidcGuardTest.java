package io.comanda.platform.security;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainHttpOidcGuardTest {

    @Test
    void aProductionBuildRefusesAPlainHttpIdentityProviderNamingTheSettingToChange() {
        PlainHttpOidcGuard guard = new PlainHttpOidcGuard(Optional.of("http://keycloak:8180/realms/comanda"), false);

        assertThatThrownBy(() -> guard.refuseIfUnsafe(LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUARKUS_OIDC_AUTH_SERVER_URL is plain HTTP")
                .hasMessageContaining("COMANDA_SECURITY_ALLOW_PLAIN_HTTP_OIDC=true");
    }

    @Test
    void httpsOrAnExplicitAllowanceOrAServiceWithoutOidcStarts() {
        assertThatCode(() -> new PlainHttpOidcGuard(Optional.of("https://id.example/realms/comanda"), false)
                .refuseIfUnsafe(LaunchMode.NORMAL)).doesNotThrowAnyException();
        assertThatCode(() -> new PlainHttpOidcGuard(Optional.of("http://127.0.0.1:8180/realms/comanda"), true)
                .refuseIfUnsafe(LaunchMode.NORMAL)).doesNotThrowAnyException();
        assertThatCode(() -> new PlainHttpOidcGuard(Optional.empty(), false)
                .refuseIfUnsafe(LaunchMode.NORMAL)).doesNotThrowAnyException();
    }

    @Test
    void testsAndDevelopmentModeUseTheirLocalKeycloakOverHttp() {
        PlainHttpOidcGuard guard = new PlainHttpOidcGuard(Optional.of("http://127.0.0.1:8180/realms/comanda"), false);

        assertThatCode(() -> guard.refuseIfUnsafe(LaunchMode.TEST)).doesNotThrowAnyException();
        assertThatCode(() -> guard.refuseIfUnsafe(LaunchMode.DEVELOPMENT)).doesNotThrowAnyException();
    }
}
