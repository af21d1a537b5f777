package io.comanda.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses to start a production build whose OpenID Connect server is reached over plain HTTP, unless
 * the deployment says that is intended ({@code COMANDA_SECURITY_ALLOW_PLAIN_HTTP_OIDC=true}: the
 * local stack, or a network where nothing else can listen). Over plain HTTP, whoever sits on the path
 * can hand the service a key set of their own, and with it any token they like.
 */
@ApplicationScoped
public class PlainHttpOidcGuard {

    private final Optional<String> authServerUrl;
    private final boolean allowPlainHttp;

    public PlainHttpOidcGuard(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
                              @ConfigProperty(name = "comanda.security.allow-plain-http-oidc", defaultValue = "false")
                              boolean allowPlainHttp) {
        this.authServerUrl = authServerUrl;
        this.allowPlainHttp = allowPlainHttp;
    }

    void check(@Observes StartupEvent started) {
        refuseIfUnsafe(LaunchMode.current());
    }

    /** @throws IllegalStateException naming the setting, when a production build would use plain HTTP */
    void refuseIfUnsafe(LaunchMode mode) {
        if (mode != LaunchMode.NORMAL || allowPlainHttp || authServerUrl.isEmpty()) {
            return;
        }
        if (authServerUrl.get().toLowerCase(Locale.ROOT).startsWith("http://")) {
            throw new IllegalStateException("QUARKUS_OIDC_AUTH_SERVER_URL is plain HTTP (" + authServerUrl.get()
                    + "): use https, or set COMANDA_SECURITY_ALLOW_PLAIN_HTTP_OIDC=true where that is intended");
        }
    }
}
