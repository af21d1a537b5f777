package io.comanda.e2e.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository these tests read: its root (the folder of the parent pom with the module list, found
 * by walking up from the working directory, so the tests run from the root or from a module alike),
 * its modules and the documents written for readers.
 */
final class Repository {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private final Path root;

    private Repository(Path root) {
        this.root = root;
    }

    static Repository containingWorkingDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<modules>")) {
                return new Repository(dir);
            }
        }
        throw new IllegalStateException("no parent pom.xml with <modules> above " + Path.of("").toAbsolutePath());
    }

    Path root() {
        return root;
    }

    /** The Maven modules the parent pom lists, as folders. */
    List<Path> modules() {
        List<Path> modules = new ArrayList<>();
        Matcher module = MODULE.matcher(read(root.resolve("pom.xml")));
        while (module.find()) {
            modules.add(root.resolve(module.group(1).trim()));
        }
        return modules;
    }

    /** README.md, every document of docs/ and each module's README.md. */
    List<Path> documents() {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        modules().stream().map(m -> m.resolve("README.md")).filter(Files::isRegularFile).forEach(documents::add);
        return documents;
    }

    /** What {@code names} finds in any of the {@link #documents() documents}. */
    Set<String> namedInDocuments(Function<String, Set<String>> names) {
        Set<String> named = new TreeSet<>();
        documents().forEach(document -> named.addAll(names.apply(document(document))));
        return named;
    }

    /** Every regular file under each module's src/main. */
    List<Path> mainSources() {
        List<Path> sources = new ArrayList<>();
        for (Path module : modules()) {
            Path main = module.resolve("src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(Files::isRegularFile).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    String relative(Path file) {
        return root.relativize(file).toString();
    }

    /** A source read as ISO-8859-1, which decodes any byte (the names looked for are ASCII). */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document, written in UTF-8. */
    static String document(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
