package io.comanda.devstack.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.parts.StackHttp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Stripe emulator's injected faults, set and cleared by a scenario: Stripe's own failures, which
 * no part's stop or kill can show (a create executed then answered 500, one answered after the client
 * gave up, 409s while it still runs).
 */
final class StripeFaults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String faultsUrl;
    private final PrintStream out;

    StripeFaults(String stripeUrl, PrintStream out) {
        this.faultsUrl = stripeUrl + "/_emulator/faults";
        this.out = out;
    }

    /** Replaces the emulator's faults with {@code json} (see docs/payments.md, "The Stripe emulator"). */
    void set(String json) {
        HttpResponse<String> answer = StackHttp.send(HttpRequest.newBuilder(URI.create(faultsUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the Stripe emulator refused its faults " + json + ": " + answer.statusCode()
                    + " " + answer.body());
        }
        out.println("    Stripe emulator faults: " + json);
    }

    /** Prints what the emulator injected since its faults were set, then clears them. */
    void clear() {
        try {
            JsonNode state = JSON.readTree(StackHttp.get(faultsUrl).body());
            out.println("    Stripe emulator injected: " + state.path("injected") + " into the creates of "
                    + state.path("ambiguousOrders").size() + " orders");
        } catch (IOException e) {
            out.println("    Stripe emulator injected: unreadable (" + e.getMessage() + ")");
        }
        set("{}");
    }
}
