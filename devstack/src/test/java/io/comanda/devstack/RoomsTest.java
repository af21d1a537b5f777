package io.comanda.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * devstack's rooms and what each may use: the parts at the bottom, the clients on them, the order load
 * on both, and the test resources, the fault suite and the command line above; the fault suite never reaches into the
 * command line, and the command line only starts the fault suite.
 */
class RoomsTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "comanda", "devstack");
    private static final Pattern REFERENCE = Pattern.compile("io\\.comanda\\.devstack\\.(\\w+)\\.");
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "parts", Set.of(),
            "clients", Set.of("parts"),
            "load", Set.of("parts", "clients"),
            "quarkus", Set.of("parts", "clients"),
            "faults", Set.of("parts", "clients", "load"),
            "cli", Set.of("parts", "clients", "faults"));

    @Test
    void everyClassLivesInARoom() throws IOException {
        try (Stream<Path> entries = Files.list(SOURCES)) {
            assertThat(entries.filter(Files::isRegularFile)).isEmpty();
        }
        try (Stream<Path> rooms = Files.list(SOURCES)) {
            assertThat(rooms.map(room -> room.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    MAY_USE.keySet());
        }
    }

    @Test
    void everyRoomSaysWhatLivesThere() {
        MAY_USE.keySet().forEach(room -> assertThat(SOURCES.resolve(room).resolve("package-info.java"))
                .as(room).content().contains("/**").contains("package io.comanda.devstack." + room + ";"));
    }

    @Test
    void eachRoomUsesOnlyTheRoomsBelowIt() {
        MAY_USE.forEach((room, allowed) -> assertThat(roomsUsedBy(room)).as("rooms used by " + room)
                .isSubsetOf(allowed));
    }

    private static Set<String> roomsUsedBy(String room) {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(room))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> code(file).forEach(line -> {
                Matcher reference = REFERENCE.matcher(line);
                while (reference.find()) {
                    used.add(reference.group(1));
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        used.remove(room);
        return used;
    }

    /** Its lines of code: a room named in a comment is no dependency. */
    private static Stream<String> code(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
