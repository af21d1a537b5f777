package io.comanda.notifications.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Tells Keycloak's own "no such user" from every other answer of {@code GET /admin/realms/{realm}/users/{id}}.
 * Keycloak answers a missing user with 404 and a JSON body naming it: {@code {"error":"User not found"}}
 * (its admin API throws {@code NotFoundException("User not found")}, and its error handler puts the
 * message in {@code error}; older releases put it in {@code error_description}). A 404 without that
 * body comes from something else (a proxy during a rollout, a wrong URL, a realm not there) and says
 * nothing about the user.
 */
final class KeycloakUserAnswer {

    static final String USER_NOT_FOUND = "User not found";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakUserAnswer() {
    }

    /** Whether an answer with {@code status} and {@code body} (null when none) is Keycloak's "no such user". */
    static boolean isUserNotFound(int status, String body) {
        if (status != 404 || body == null || body.isBlank()) {
            return false;
        }
        try {
            JsonNode answer = JSON.readTree(body);
            return answer != null && answer.isObject() && (USER_NOT_FOUND.equals(answer.path("error").asText(null))
                    || USER_NOT_FOUND.equals(answer.path("error_description").asText(null)));
        } catch (IOException notJson) {
            return false;
        }
    }
}
