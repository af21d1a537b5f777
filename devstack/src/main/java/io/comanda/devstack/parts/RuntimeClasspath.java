package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files this module resolved when it was built: the jars a child JVM (broker, Connect worker)
 * runs on, and the distribution archives (Keycloak, the Debezium plugin).
 *
 * <p>Recorded by the build from the local Maven repository, so a child JVM starts on exactly the
 * versions the build pinned, and nothing is downloaded at run time.
 */
public final class RuntimeClasspath {

    private static final String RESOURCE = "/io/comanda/devstack/runtime-classpath.txt";

    private final List<Path> entries;

    private RuntimeClasspath(List<Path> entries) {
        this.entries = entries;
    }

    public static RuntimeClasspath recorded() {
        try (InputStream in = RuntimeClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build the devstack module with Maven");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<Path> entries = Arrays.stream(text.split(java.io.File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(Path::of).collect(Collectors.toCollection(ArrayList::new));
            entries.add(ownLocation());
            return new RuntimeClasspath(List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath string of every jar, this module's own classes included. */
    public String jvmClasspath() {
        return entries.stream()
                .filter(p -> p.toString().endsWith(".jar") || Files.isDirectory(p))
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** The recorded archive whose file name starts with {@code prefix}, e.g. {@code keycloak-quarkus-dist-}. */
    public Path archive(String prefix) {
        return entries.stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .filter(p -> !p.toString().endsWith(".jar"))
                .findFirst()
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new IllegalStateException("no archive " + prefix + "* in the build's record; "
                        + "run 'mvn install' so Maven fetches it"));
    }

    private static Path ownLocation() {
        try {
            return Path.of(RuntimeClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
