package io.comanda.notifications.gateway;

import io.comanda.notifications.domain.Recipient;
import io.comanda.notifications.domain.RecipientDirectory;
import io.comanda.notifications.domain.RecipientLookup;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Finds a customer's address and name in Keycloak. Answers are cached (bounded size and age, see
 * {@code quarkus.cache.caffeine.recipients.*}); failures are not, so an unreachable Keycloak is asked
 * again on the next try.
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
                .map(KeycloakRecipientDirectory::lookup)
                .onFailure(KeycloakRecipientDirectory::isNotFound).recoverWithItem(RecipientLookup::unknownUser);
    }

    private static RecipientLookup lookup(KeycloakUser user) {
        if (user == null) {
            return RecipientLookup.unknownUser();
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

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 404;
    }
}
