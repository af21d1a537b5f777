package io.comanda.devstack.cli;

import io.comanda.devstack.parts.ManagedPart;
import io.comanda.devstack.parts.SmtpProcess;
import io.comanda.devstack.parts.QuarkusAppProcess;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code ./comanda up} prints once everything is ready: where each part is, and what to try. */
final class Walkthrough {

    private static final String ROW = "  %-22s %-34s %s%n";

    private Walkthrough() {
    }

    static void print(PrintStream out, LocalStack stack, StackPorts ports, double seconds, long rssMib) {
        out.println();
        out.printf(Locale.ROOT, "Comanda is up in %.1f s, using %d MiB of memory (RSS of all its processes).%n%n",
                seconds, rssMib);
        out.printf(ROW, "component", "address", "log");
        for (ManagedPart part : stack.parts()) {
            String log = part.logFile().map(Path::toString).orElse("");
            out.printf(ROW, part.name(), part.address(), log);
            if (part instanceof SmtpProcess smtp) {
                // The same server keeps what it received for a mail client.
                out.printf(ROW, StackPart.SMTP.imapPortKey(), "imap://" + smtp.host() + ":" + smtp.imapPort(), log);
            }
        }
        out.println();
        out.println("  Health and metrics (management interfaces):");
        stack.parts().stream().filter(QuarkusAppProcess.class::isInstance).map(QuarkusAppProcess.class::cast)
                .forEach(service -> out.printf("  %-22s %s/q/metrics  %s/q/health/ready%n", service.name(),
                        service.managementUrl(), service.managementUrl()));
        String keycloak = "http://127.0.0.1:" + ports.of(StackPart.KEYCLOAK);
        String orders = "http://127.0.0.1:" + ports.of(StackPart.ORDERS);
        out.println();
        out.println("Try it (alice is a customer; her local-development password is alice-local-dev):");
        out.println();
        out.println("  TOKEN=$(curl -s " + keycloak + "/realms/comanda/protocol/openid-connect/token \\");
        out.println("    -d grant_type=password -d client_id=comanda-cli -d username=alice -d password=alice-local-dev \\");
        out.println("    | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("  curl -s " + orders + "/products");
        out.println("  curl -s -i " + orders + "/orders -H \"Authorization: Bearer $TOKEN\" \\");
        out.println("    -H 'Content-Type: application/json' -H \"Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)\" \\");
        out.println("    -H 'X-Correlation-ID: my-first-order' \\");
        out.println("    -d '{\"items\":[{\"sku\":\"ESPRESSO-250G\",\"quantity\":2}],\"paymentMethod\":\"pm_card_visa\"}'");
        out.println("  curl -s " + orders + "/orders -H \"Authorization: Bearer $TOKEN\"   # PENDING, then CONFIRMED");
        out.println();
        out.println("Watch the events (Kafka's own console consumer):");
        out.println("  ./comanda events comanda.orders");
        out.println();
        out.println("Read the mails notifications-service sent (IMAP: log in with the address, any password):");
        out.println("  ./comanda mail");
        out.println();
        out.println("Follow the order across the services (its trace, from Zipkin at http://127.0.0.1:"
                + ports.of(StackPart.ZIPKIN) + "/zipkin/):");
        out.println("  ./comanda trace my-first-order");
        out.println();
        out.println("Ctrl-C (or ./comanda down in another terminal) stops everything; data stays in .comanda/"
                + stack.mode().dataFolder() + ".");
    }
}
