package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM: on the recorded classpath, logging through log4j2 to its output, or of a jar. */
public final class JavaCommand {

    private JavaCommand() {
    }

    /** The {@code java} launcher of the JDK this JVM runs on, so that every child runs on the same. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs an executable jar.
     *
     * @param options JVM options, e.g. {@code -Xmx256m}
     * @param args    the jar's own arguments
     */
    public static List<String> jar(Path jar, List<String> options, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** A main class on the recorded classpath, with a heap growing up to {@code maxHeap}. */
    public static List<String> of(RuntimeClasspath classpath, String maxHeap, Path workDir, String mainClass, String... args) {
        return of(classpath, JvmSizing.upTo(maxHeap), workDir, mainClass, args);
    }

    /** A main class on the recorded classpath, sized by {@code sizing}. */
    public static List<String> of(RuntimeClasspath classpath, JvmSizing sizing, Path workDir, String mainClass,
                                  String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(sizing.options());
        command.addAll(List.of(
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
