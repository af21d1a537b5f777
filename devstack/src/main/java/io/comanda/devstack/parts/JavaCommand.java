package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM on the recorded classpath, logging through log4j2 to its output. */
public final class JavaCommand {

    private JavaCommand() {
    }

    public static List<String> of(RuntimeClasspath classpath, String maxHeap, Path workDir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig(workDir),
                "-cp", classpath.jvmClasspath(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String log4jConfig(Path workDir) {
        Path target = workDir.resolve("log4j2.properties");
        try (InputStream in = JavaCommand.class.getResourceAsStream("/io/comanda/devstack/child-log4j2.properties")) {
            Files.createDirectories(workDir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
