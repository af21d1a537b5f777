package io.comanda.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.parts.StackHttp;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./comanda dlq list|show <id>|replay <id> [--force]|replay --type T --reason R [--force]|discard <id>
 * [--force --reason R] [--service orders|payments|notifications|search]}: the dead letters of the running
 * stack's consumers,
 * through each service's {@code /admin/dead-letters} as the realm's admin {@code ops}. Without
 * {@code --service}, an id names its service (its dead-letter topic names the group), and {@code list} and a
 * selective replay go to every service.
 */
final class DeadLetterCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StackPorts ports;
    private final PrintStream out;
    private String token;

    private DeadLetterCommand(StackPorts ports, PrintStream out) {
        this.ports = ports;
        this.out = out;
    }

    /** @return 0 when every request succeeded, 1 when one failed, 2 on a usage error */
    static int run(List<String> args, StackPorts ports, PrintStream out) {
        DeadLetterArguments arguments = DeadLetterArguments.parse(args);
        if (arguments == null) {
            out.println("usage: ./comanda dlq list | show <id> | replay <id> [--force] | replay --type <ce_type>"
                    + " --reason <text> [--force] | discard <id> [--force --reason <why>]"
                    + "   [--service orders|payments|notifications|search]");
            return 2;
        }
        try {
            return new DeadLetterCommand(ports, out).run(arguments);
        } catch (RuntimeException e) {
            out.println("Cannot reach the stack (is Comanda running?): " + e.getMessage());
            return 1;
        }
    }

    private int run(DeadLetterArguments arguments) {
        List<String> parts = arguments.service() != null ? List.of(arguments.service())
                : arguments.id() != null ? List.of(partOfId(arguments.id()))
                : StackPart.services().stream().map(StackPart::operatorName).toList();
        int status = 0;
        for (String part : parts) {
            status = Math.max(status, switch (arguments.verb()) {
                case "list" -> list(part);
                case "show" -> show(part, arguments.id());
                case "replay" -> arguments.id() != null ? replay(part, arguments.id(), arguments.force())
                        : replaySelection(part, arguments);
                default -> discard(part, arguments);
            });
        }
        return status;
    }

    private int list(String part) {
        HttpResponse<String> answer = call(part, "GET", "?size=100");
        if (answer.statusCode() != 200) {
            return failed(part, answer);
        }
        JsonNode page = read(answer);
        out.println(part + ": " + page.path("total").asLong() + " dead letter(s) waiting");
        for (JsonNode letter : page.path("items")) {
            out.printf("  %s  %s  %s  key %s  replays %d%n      %s%n", letter.path("id").asText(),
                    letter.path("firstFailure").asText(), letter.path("ceType").asText("-"),
                    letter.path("key").asText("-"), letter.path("replayCount").asInt(), letter.path("reason").asText("-"));
            if (letter.hasNonNull("effectMayExist")) {
                out.println("      EFFECT MAY EXIST: " + letter.path("effectMayExist").asText());
            }
        }
        return 0;
    }

    private int show(String part, String id) {
        HttpResponse<String> answer = call(part, "GET", "/" + encode(id));
        if (answer.statusCode() != 200) {
            return failed(part, answer);
        }
        JsonNode letter = read(answer);
        for (String field : List.of("id", "group", "originTopic", "key", "ceType", "ceId", "reason", "cause",
                "effectMayExist", "firstFailure", "parkedAt", "replayCount")) {
            out.printf("%-14s %s%n", field, letter.path(field).asText("-"));
        }
        if (letter.hasNonNull("resolution")) {
            JsonNode resolution = letter.path("resolution");
            out.printf("%-14s %s by %s at %s%s%n", "resolution", resolution.path("action").asText(),
                    resolution.path("by").asText(), resolution.path("at").asText(),
                    resolution.hasNonNull("reason") ? ": " + resolution.path("reason").asText() : "");
        }
        out.println("headers");
        letter.path("headers").forEach(h -> out.println("  " + h.path("name").asText() + ": " + h.path("value").asText()));
        out.println("payload (" + letter.path("payloadEncoding").asText() + ")");
        out.println("  " + letter.path("payload").asText());
        return 0;
    }

    private int replay(String part, String id, boolean force) {
        HttpResponse<String> answer = call(part, "POST", "/" + encode(id) + "/replay" + (force ? "?force=true" : ""));
        if (answer.statusCode() != 200) {
            return failed(part, answer);
        }
        JsonNode replayed = read(answer);
        out.println("Replayed " + id + " to " + replayed.path("replayedTo").asText() + " (replay "
                + replayed.path("replayCount").asInt() + ").");
        return 0;
    }

    private int replaySelection(String part, DeadLetterArguments arguments) {
        List<String> query = new ArrayList<>();
        if (arguments.type() != null) {
            query.add("type=" + encode(arguments.type()));
        }
        if (arguments.reason() != null) {
            query.add("reason=" + encode(arguments.reason()));
        }
        if (arguments.force()) {
            query.add("force=true");
        }
        HttpResponse<String> answer = call(part, "POST", "/replay?" + String.join("&", query));
        if (answer.statusCode() != 202) {
            return failed(part, answer);
        }
        JsonNode outcome = read(answer);
        out.println(part + ": replaying " + outcome.path("matched").asLong() + " dead letter(s) in the background;"
                + " `./comanda dlq list` shows how many still wait");
        if (outcome.path("refused").asLong() > 0) {
            out.println(part + ": left waiting, replayed too often already (--force replays them): "
                    + outcome.path("refused").asLong());
        }
        return 0;
    }

    private int discard(String part, DeadLetterArguments arguments) {
        String id = arguments.id();
        HttpResponse<String> answer = call(part, "DELETE", "/" + encode(id)
                + (arguments.force() ? "?force=true&reason=" + encode(arguments.reason()) : ""));
        if (answer.statusCode() != 204) {
            return failed(part, answer);
        }
        out.println("Discarded " + id + (arguments.force() ? ", forced: " + arguments.reason() : "") + ".");
        return 0;
    }

    private HttpResponse<String> call(String part, String method, String path) {
        if (token == null) {
            token = AccessTokens.forUser("http://127.0.0.1:" + ports.of(StackPart.KEYCLOAK), LocalUser.OPS);
        }
        String url = "http://127.0.0.1:" + ports.of(part) + "/admin/dead-letters" + path;
        return StackHttp.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private int failed(String part, HttpResponse<String> answer) {
        String detail = answer.body();
        try {
            detail = JSON.readTree(answer.body()).path("detail").asText(answer.body());
        } catch (IOException | RuntimeException unreadable) {
            // Not problem+json: print the body as it came.
        }
        out.println(part + ": " + answer.statusCode() + " " + detail);
        return 1;
    }

    /**
     * The service whose dead-letter topic the id names (its consumer group is the service's own name), e.g.
     * orders for {@code comanda.payments.orders-service.dlq-3}.
     */
    static String partOfId(String id) {
        return StackPart.services().stream().filter(service -> id.contains("." + service.partName() + ".dlq-"))
                .map(StackPart::operatorName).findFirst().orElse(StackPart.ORDERS.operatorName());
    }

    private static JsonNode read(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer: " + answer.body(), e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
