package io.comanda.notifications.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only Keycloak's own "no such user" skips a mail; every other answer is retried. */
class KeycloakUserAnswerTest {

    @Test
    void keycloaksNotFoundWithItsBodyIsNoSuchUser() {
        assertThat(KeycloakUserAnswer.isUserNotFound(404, "{\"error\":\"User not found\"}")).isTrue();
    }

    @Test
    void olderKeycloaksNotFoundWithTheMessageAsDescriptionIsNoSuchUser() {
        assertThat(KeycloakUserAnswer.isUserNotFound(404,
                "{\"error\":\"invalid_request\",\"error_description\":\"User not found\"}")).isTrue();
    }

    @Test
    void aNotFoundWithoutABodyIsNotAnAnswerAboutTheUser() {
        assertThat(KeycloakUserAnswer.isUserNotFound(404, null)).isFalse();
        assertThat(KeycloakUserAnswer.isUserNotFound(404, "")).isFalse();
    }

    @Test
    void aProxysNotFoundPageIsNotAnAnswerAboutTheUser() {
        assertThat(KeycloakUserAnswer.isUserNotFound(404, "<html><body>404 Not Found</body></html>")).isFalse();
    }

    @Test
    void aNotFoundForSomethingElseIsNotAnAnswerAboutTheUser() {
        assertThat(KeycloakUserAnswer.isUserNotFound(404, "{\"error\":\"Realm does not exist\"}")).isFalse();
        assertThat(KeycloakUserAnswer.isUserNotFound(404, "{\"error\":\"HTTP 404 Not Found\"}")).isFalse();
    }

    @Test
    void theUserNotFoundBodyWithAnotherStatusIsNotNoSuchUser() {
        assertThat(KeycloakUserAnswer.isUserNotFound(500, "{\"error\":\"User not found\"}")).isFalse();
        assertThat(KeycloakUserAnswer.isUserNotFound(403, "{\"error\":\"User not found\"}")).isFalse();
    }

    @Test
    void aJsonThatIsNotAnObjectIsNotNoSuchUser() {
        assertThat(KeycloakUserAnswer.isUserNotFound(404, "\"User not found\"")).isFalse();
    }
}
