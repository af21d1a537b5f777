package io.comanda.stripe.emulator;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.StripeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator rotates the emulator's valid key: the SDK with the old one meets Stripe's 401. */
class ApiKeyControlIT {

    private static final String KEY = "sk_test_emulator";
    private static StripeEmulator emulator;
    private static StripeClient stripe;

    @BeforeAll
    static void start() {
        emulator = StripeEmulator.start(0);
        stripe = StripeClient.builder().setApiKey(KEY).setApiBase(emulator.apiBase()).setMaxNetworkRetries(0).build();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void acceptAnyTestKey() throws Exception {
        setValidKeys("{\"valid\":[]}");
    }

    @Test
    void aKeyNoLongerValidGetsAnAuthenticationErrorUntilItIsAcceptedAgain() throws Exception {
        assertThat(stripe.balance().retrieve().getLivemode()).isFalse();

        assertThat(setValidKeys("{\"valid\":[\"sk_test_rotated\"]}").body()).isEqualTo("{\"valid\":[\"sk_test_rotated\"]}");

        assertThatThrownBy(() -> stripe.balance().retrieve())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Invalid API Key provided")
                .satisfies(e -> assertThat(((StripeException) e).getStatusCode()).isEqualTo(401));
        assertThatThrownBy(() -> stripe.paymentIntents().retrieve("pi_unknown"))
                .isInstanceOf(AuthenticationException.class);

        setValidKeys("{\"valid\":[\"sk_test_rotated\",\"" + KEY + "\"]}");
        assertThat(stripe.balance().retrieve().getObject()).isEqualTo("balance");
    }

    @Test
    void aRequestThatNamesNoKeyListIsRefused() throws Exception {
        assertThat(setValidKeys("{\"valid\":\"sk_test_x\"}").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> setValidKeys(String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.apiBase() + "/_emulator/api-keys"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
