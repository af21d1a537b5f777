package io.comanda.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes of a stack {@code ./comanda up} runs, by part: each child of the launcher recognised by
 * its command line, PostgreSQL by its postmaster's PID file (it runs detached), and the launcher itself
 * with what is left (the watchdogs that stop a part when the launcher dies).
 */
final class StackProcesses {

    private StackProcesses() {
    }

    static Map<String, Long> of(ProcessHandle launcher, Path root) throws IOException {
        Map<String, Long> parts = new LinkedHashMap<>();
        List<String> postmaster = Files.readAllLines(root.resolve(".comanda/data/postgres/postmaster.pid"));
        parts.put("postgres", Long.parseLong(postmaster.get(0).trim()));
        launcher.children().forEach(child -> part(child).ifPresent(name -> parts.put(name, child.pid())));
        parts.put("launcher", launcher.pid());
        return parts;
    }

    private static Optional<String> part(ProcessHandle process) {
        List<String> arguments = process.info().arguments().map(Arrays::asList).orElse(List.of());
        if (arguments.contains("kafka.Kafka")) {
            return Optional.of("kafka");
        }
        if (arguments.contains("org.apache.kafka.connect.cli.ConnectDistributed")) {
            return Optional.of("kafka-connect");
        }
        if (arguments.contains("io.comanda.stripe.emulator.StripeEmulator")) {
            return Optional.of("stripe-emulator");
        }
        if (arguments.contains("io.comanda.devstack.parts.SmtpServerMain")) {
            return Optional.of("smtp");
        }
        for (String argument : arguments) {
            if (argument.endsWith("kc.sh")) {
                return Optional.of("keycloak");
            }
            if (argument.contains("zipkin-server")) {
                return Optional.of("zipkin");
            }
            if (argument.endsWith("/target/quarkus-app/quarkus-run.jar")) {
                Path module = Path.of(argument).getParent().getParent().getParent();
                return Optional.of(module.getFileName().toString());
            }
        }
        return Optional.empty();
    }
}
