package io.comanda.devstack.load;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;

import java.time.Duration;
import java.time.Instant;

/**
 * A local user's access token, fetched again before it expires (tokens live 15 minutes; a full fault run
 * takes longer) and whenever a service refuses it.
 */
public final class CustomerToken {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(5);

    private final String keycloakUrl;
    private final LocalUser user;
    private String token;
    private Instant fetchedAt = Instant.EPOCH;

    public CustomerToken(String keycloakUrl, LocalUser user) {
        this.keycloakUrl = keycloakUrl;
        this.user = user;
    }

    public synchronized String current() {
        if (token == null || Instant.now().isAfter(fetchedAt.plus(RENEW_AFTER))) {
            renew();
        }
        return token;
    }

    public synchronized void renew() {
        token = AccessTokens.forUser(keycloakUrl, user);
        fetchedAt = Instant.now();
    }
}
