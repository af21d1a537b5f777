package io.comanda.devstack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.parts.StackHttp;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./comanda cancel <order-id> --reason "..."}: cancels a PENDING order of the running stack
 * ({@code POST /orders/{id}/cancel} on orders-service, as the realm's admin {@code ops}) and prints its new
 * status, or the problem's detail when orders-service refuses (the order is not PENDING, or unknown).
 */
final class CancelCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CancelCommand() {
    }

    /** @return 0 when the order was cancelled, 1 when it was refused or the stack cannot be reached, 2 on a usage error */
    static int run(List<String> args, StackPorts ports, PrintStream out) {
        CancelArguments arguments = CancelArguments.parse(args);
        if (arguments == null) {
            out.println("usage: ./comanda cancel <order-id> --reason \"why the order is cancelled\"");
            return 2;
        }
        String url = "http://127.0.0.1:" + ports.of(StackPart.ORDERS) + "/orders/" + arguments.orderId() + "/cancel";
        HttpResponse<String> answer;
        try {
            String token = AccessTokens.forUser("http://127.0.0.1:" + ports.of(StackPart.KEYCLOAK), LocalUser.OPS);
            answer = StackHttp.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(arguments.reason()))).build());
        } catch (RuntimeException e) {
            out.println("Cannot reach orders-service at " + url + " (is Comanda running?): " + e.getMessage());
            return 1;
        }
        JsonNode read = readOrNull(answer.body());
        if (answer.statusCode() != 200) {
            out.println("Not cancelled (" + answer.statusCode() + "): "
                    + (read == null ? answer.body() : read.path("detail").asText(answer.body())));
            return 1;
        }
        out.println("Order " + arguments.orderId() + " is " + (read == null ? "?" : read.path("status").asText())
                + ": " + (read == null ? "" : read.path("declineReason").asText()));
        out.println("payments-service refunds a charge it holds for the order when OrderCancelled reaches it.");
        return 0;
    }

    private static String body(String reason) {
        try {
            return JSON.writeValueAsString(Map.of("reason", reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a reason", e);
        }
    }

    /** The answer as JSON, or null when it is not (an answer from something other than orders-service). */
    private static JsonNode readOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
