package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An OS process of the stack (a broker JVM, the Connect worker, Keycloak): its own session, output
 * to a log file, guarded by a {@link ProcessWatchdog}, and stopped gracefully, then forcibly.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildProcess start(String name, List<String> command, Path workDir,
                                     Map<String, String> environment, Path logFile) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(ProcessWatchdog.detached(command.toArray(String[]::new)))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", JvmSizing.MALLOC_ARENA_MAX);
            builder.environment().putAll(environment);
            Process process = builder.start();
            ProcessWatchdog.guard(process.pid(), "TERM");
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Fails with the log's location when the process has already died, e.g. during its start. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue()
                    + "; see " + logFile);
        }
    }

    /**
     * Waits for a one-shot command (e.g. a storage format) to finish.
     *
     * @throws IllegalStateException naming the log when it fails or does not finish within {@code timeout}
     */
    public void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see "
                        + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + "; see " + logFile);
        }
    }

    /** SIGKILL for it and every process it started, as a crash would end them; returns once they are gone. */
    public void kill() {
        killTree(process.toHandle());
    }

    /**
     * SIGKILL for {@code root} and its descendants, found before any dies (an orphan is no descendant any
     * more), then waits up to 10 s for each to end.
     */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("process " + process.pid() + " outlived SIGKILL for 10 s", e);
            }
        }
    }

    /**
     * Sends {@code signal} (e.g. {@code STOP}, {@code CONT}) to {@code root} and its descendants, the root
     * first, through the system's {@code kill}: the JDK sends only TERM and KILL.
     */
    static void signalTree(ProcessHandle root, String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(root.pid())));
        root.descendants().forEach(process -> command.add(Long.toString(process.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + root.pid() + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal + " to " + root.pid(), e);
        }
    }

    /** SIGTERM, up to 20 s for a clean stop, then SIGKILL for it and anything it left behind. */
    @Override
    public void close() {
        stop(process.toHandle(), GRACE);
    }

    /**
     * SIGTERM for {@code process}, up to {@code grace} for a clean stop, then SIGKILL for it and anything it
     * left behind; a process known by its PID alone (another class loader started it) stops so too.
     */
    public static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            process.onExit().completeOnTimeout(process, 5, TimeUnit.SECONDS).join();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
