package io.comanda.notifications.gateway;

import io.comanda.notifications.domain.Recipient;
import io.comanda.notifications.domain.RecipientDirectory;
import io.comanda.notifications.domain.RecipientLookup;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Finds a customer's address and name in Keycloak. Only a user, or Keycloak's definite "no such user"
 * ({@link KeycloakUserAnswer}), is an answer; anything else (a 404 from something in between, 5xx, a
 * timeout, a 200 without a user) fails, to be retried. Answers are cached (bounded size and age, see
 * {@code quarkus.cache.caffeine.recipients.*}); failures are not, so Keycloak is asked again on the next try.
 */
@ApplicationScoped
public class KeycloakRecipientDirectory implements RecipientDirectory {

    private final KeycloakUsers users;

    public KeycloakRecipientDirectory(@RestClient KeycloakUsers users) {
        this.users = users;
    }

    @Override
    @CacheResult(cacheName = "recipients")
    public Uni<RecipientLookup> lookUp(String customerId) {
        return users.byId(customerId)
                // With the client's default mapper on, an error status would arrive as an exception: read it alike.
                .onFailure(WebApplicationException.class)
                .recoverWithItem(failure -> ((WebApplicationException) failure).getResponse())
                .map(KeycloakRecipientDirectory::read);
    }

    private static RecipientLookup read(Response response) {
        try (response) {
            int status = response.getStatus();
            if (status == 200) {
                return lookup(response.hasEntity() ? response.readEntity(KeycloakUser.class) : null);
            }
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (KeycloakUserAnswer.isUserNotFound(status, body)) {
                return RecipientLookup.unknownUser();
            }
            throw new KeycloakUnansweredException(status, body);
        }
    }

    private static RecipientLookup lookup(KeycloakUser user) {
        if (user == null || user.id() == null) {
            throw new KeycloakUnansweredException(200, "no user in the answer");
        }
        if (Boolean.FALSE.equals(user.enabled())) {
            return new RecipientLookup.Unreachable("disabled-user");
        }
        if (user.email() == null || user.email().isBlank()) {
            return RecipientLookup.noAddress();
        }
        String name = user.firstName() != null && !user.firstName().isBlank() ? user.firstName() : user.username();
        return new RecipientLookup.Found(new Recipient(user.email(), name));
    }
}
