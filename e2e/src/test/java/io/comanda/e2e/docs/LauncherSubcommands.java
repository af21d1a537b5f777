package io.comanda.e2e.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The subcommands {@code ./comanda} accepts, read from its code: the {@code case "verb" ->} labels of
 * the launcher's command class, wherever a module's main sources keep it, and the verbs the
 * {@code comanda} script handles itself ({@code [ "${1:-}" = events ]}).
 */
final class LauncherSubcommands {

    static final String COMMAND_CLASS_FILE = "ComandaCommand.java";

    private static final Pattern CASE_LABELS = Pattern.compile("case\\s+(\"[a-z-]+\"(?:\\s*,\\s*\"[a-z-]+\")*)\\s*->");
    private static final Pattern QUOTED = Pattern.compile("\"([a-z-]+)\"");
    private static final Pattern SCRIPT_VERB = Pattern.compile("\"\\$\\{1:-}\"\\s*=\\s*([a-z-]+)");
    private static final Pattern DOCUMENTED = Pattern.compile("\\./comanda\\s+([a-z][a-z-]*)");

    private LauncherSubcommands() {
    }

    static Set<String> accepted(Repository repository) {
        Set<String> verbs = new TreeSet<>();
        Matcher labels = CASE_LABELS.matcher(Repository.read(commandClass(repository)));
        while (labels.find()) {
            Matcher verb = QUOTED.matcher(labels.group(1));
            while (verb.find()) {
                verbs.add(verb.group(1));
            }
        }
        Matcher script = SCRIPT_VERB.matcher(Repository.read(repository.root().resolve("comanda")));
        while (script.find()) {
            verbs.add(script.group(1));
        }
        return verbs;
    }

    /** Every word written after {@code ./comanda} in {@code text}, as a reader would type it. */
    static Set<String> documentedIn(String text) {
        Set<String> verbs = new TreeSet<>();
        Matcher documented = DOCUMENTED.matcher(text);
        while (documented.find()) {
            verbs.add(documented.group(1));
        }
        return verbs;
    }

    /** Found by its file name, so that moving the class to another package or module changes nothing here. */
    static Path commandClass(Repository repository) {
        List<Path> found = repository.modules().stream()
                .map(module -> module.resolve("src/main/java"))
                .filter(Files::isDirectory)
                .flatMap(LauncherSubcommands::javaFiles)
                .filter(file -> file.getFileName().toString().equals(COMMAND_CLASS_FILE))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + COMMAND_CLASS_FILE + " in the modules' main sources, found " + found);
        }
        return found.get(0);
    }

    private static Stream<Path> javaFiles(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
