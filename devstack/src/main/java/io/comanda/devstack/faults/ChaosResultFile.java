package io.comanda.devstack.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fault suite's result as JSON, for programs rather than eyes: {@code .comanda/chaos-result.json}
 * under the repository root ({@code ./comanda} passes it as {@code comanda.root}). One object per
 * scenario with the table's columns under the names of {@link ScenarioResult}, {@code recoverySeconds}
 * and {@code clean}; {@code mail} and {@code index}, the checks of the run's mail and search documents;
 * the whole run's {@code clean} beside them. Deleted when a run starts, so a file
 * present belongs to the last run that finished.
 */
public final class ChaosResultFile {

    /** Where {@code ./comanda chaos} writes it, relative to the repository root. */
    public static final String RELATIVE_PATH = ".comanda/chaos-result.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChaosResultFile() {
    }

    /** The file under the root {@code ./comanda} runs in. */
    public static Path ofRunningCommand() {
        return Path.of(System.getProperty("comanda.root", ".")).resolve(RELATIVE_PATH).toAbsolutePath().normalize();
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the last run's " + file, e);
        }
    }

    static void write(Path file, FaultSettings settings, SuiteResult suite) {
        ObjectNode root = JSON.createObjectNode();
        root.put("clean", suite.clean());
        root.put("ordersPerSecond", settings.ordersPerSecond());
        root.put("maxClientsInFlight", settings.maxClientsInFlight());
        ArrayNode scenarios = root.putArray("scenarios");
        suite.scenarios().forEach(result -> scenarios.add(scenario(result)));
        ObjectNode mail = root.putObject("mail");
        mail.put("orders", suite.mail().orders());
        mail.put("mails", suite.mail().mails());
        mail.put("ordersMissingMail", suite.mail().ordersMissingMail());
        mail.put("duplicates", suite.mail().duplicates());
        mail.put("clean", suite.mail().clean());
        ObjectNode index = root.putObject("index");
        index.put("compared", suite.index().compared());
        index.put("missing", suite.index().missing());
        index.put("differing", suite.index().differing());
        index.put("orders", suite.index().orders());
        index.put("documents", suite.index().documents());
        index.put("indexed", suite.index().everyOrderIndexed());
        write(file, root);
    }

    /** Writes {@code root} to {@code file}, indented, creating its directory. */
    static void write(Path file, ObjectNode root) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** One scenario's row, as the run's file and the soak's hold it. */
    static ObjectNode scenario(ScenarioResult result) {
        ObjectNode row = JSON.createObjectNode();
        row.put("scenario", result.scenario());
        row.put("orders", result.orders());
        row.put("finalOrders", result.finalOrders());
        row.put("charges", result.charges());
        row.put("duplicatesSeen", result.duplicatesSeen());
        row.put("duplicateEffects", result.duplicateEffects());
        row.put("lost", result.lost());
        row.put("wrong", result.wrong());
        row.put("deadLetters", result.deadLetters());
        row.put("notSent", result.notSent());
        row.put("recoverySeconds", result.recovery().toMillis() / 1000.0);
        row.put("clean", result.clean());
        ArrayNode problems = row.putArray("problems");
        result.problems().forEach(problems::add);
        return row;
    }
}
