package io.comanda.notifications.gateway;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin API for the realm's users, called with the service account's token (client
 * credentials of {@code comanda-notifications}, which holds realm-management's {@code view-users} only).
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/users")
public interface KeycloakUsers {

    /** The user; fails with 404 when there is none (deleted, or never existed). */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<KeycloakUser> byId(@PathParam("id") String id);
}
