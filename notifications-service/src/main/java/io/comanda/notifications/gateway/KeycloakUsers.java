package io.comanda.notifications.gateway;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin API for the realm's users, called with the service account's token (client
 * credentials of {@code comanda-notifications}, which holds realm-management's {@code view-users} only).
 * Every answer comes back as it is, error statuses included
 * ({@code quarkus.rest-client.keycloak-admin.disable-default-mapper=true}): which 404 means "no such
 * user" is decided by its body ({@link KeycloakUserAnswer}).
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/users")
public interface KeycloakUsers {

    /** The user (200), or Keycloak's 404 {@code {"error":"User not found"}} when there is none. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> byId(@PathParam("id") String id);
}
