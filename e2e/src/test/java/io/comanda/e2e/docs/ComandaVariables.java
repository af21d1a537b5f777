package io.comanda.e2e.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code COMANDA_*} environment variables, as the code reads them and as the documents name them.
 *
 * <p>The code reads a variable by its whole name (in Java, {@code ${...}} of a properties file, the
 * {@code comanda} script, compose and its {@code .env.example}, the connector files), or, for the local
 * stack's ports, composes {@code COMANDA_<PART>_PORT} from a part's name: those names are the
 * {@code "part", port} pairs written in the sources that compose the variable, or beside them in their
 * package.
 */
final class ComandaVariables {

    /** A whole name: {@code COMANDA_DB_*} and {@code COMANDA_<PART>_PORT} are patterns, not variables. */
    private static final Pattern NAME = Pattern.compile("COMANDA_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_*<])");
    private static final Pattern COMPOSED_PORT = Pattern.compile("\"COMANDA_\"\\s*\\+[^;]*\"_PORT\"", Pattern.DOTALL);
    private static final Pattern PART_WITH_PORT = Pattern.compile("\"([a-z][a-z-]*)\"\\s*,\\s*(\\d{2,5})\\b");

    private ComandaVariables() {
    }

    static Set<String> read(Repository repository) {
        Set<String> variables = new TreeSet<>();
        for (Path source : readingFiles(repository)) {
            variables.addAll(namedIn(Repository.read(source)));
        }
        variables.addAll(portDefaults(repository).keySet());
        return variables;
    }

    static Set<String> namedIn(String text) {
        Set<String> variables = new TreeSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            variables.add(name.group());
        }
        return variables;
    }

    static String portVariable(String part) {
        return "COMANDA_" + part.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    private static List<Path> readingFiles(Repository repository) {
        List<Path> files = new ArrayList<>(repository.mainSources());
        Path root = repository.root();
        for (String file : List.of("comanda", "docker-compose.yml", ".env.example")) {
            if (Files.isRegularFile(root.resolve(file))) {
                files.add(root.resolve(file));
            }
        }
        try (Stream<Path> connectors = Files.list(root.resolve("debezium"))) {
            connectors.filter(file -> file.toString().endsWith(".json")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The local stack's port variables, each with the default port the code gives it. */
    static Map<String, Integer> portDefaults(Repository repository) {
        Map<String, Integer> defaults = new TreeMap<>();
        for (Path source : repository.mainSources()) {
            if (!source.toString().endsWith(".java") || !COMPOSED_PORT.matcher(Repository.read(source)).find()) {
                continue;
            }
            Map<String, Integer> parts = partsWithPorts(List.of(source));
            if (parts.isEmpty()) {
                parts = partsWithPorts(javaFilesBeside(source));
            }
            if (parts.isEmpty()) {
                throw new IllegalStateException(repository.relative(source) + " composes COMANDA_<PART>_PORT, "
                        + "but no \"part\", port pair is written there or in its package");
            }
            parts.forEach((part, port) -> defaults.put(portVariable(part), port));
        }
        return defaults;
    }

    private static Map<String, Integer> partsWithPorts(List<Path> sources) {
        Map<String, Integer> parts = new TreeMap<>();
        for (Path source : sources) {
            Matcher pair = PART_WITH_PORT.matcher(Repository.read(source));
            while (pair.find()) {
                parts.put(pair.group(1), Integer.parseInt(pair.group(2)));
            }
        }
        return parts;
    }

    private static List<Path> javaFilesBeside(Path source) {
        try (Stream<Path> files = Files.list(source.getParent())) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
