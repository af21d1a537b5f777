package io.comanda.notifications.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of Keycloak's user representation this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakUser(String id, String username, String email, String firstName, String lastName,
                           Boolean enabled) {
}
