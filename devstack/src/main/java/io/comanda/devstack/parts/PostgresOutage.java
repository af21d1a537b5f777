package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL outage for tests: the running server stopped as a crash of its host would leave clients
 * (connections dropped), and started again later on the same port and data. It works on the postmaster's
 * PID and command line alone, so any class loader of the test JVM can do it, whichever one started the
 * server. (The embedded server's own restart would take the lock on the data directory its first
 * instance still holds.)
 */
public final class PostgresOutage {

    private PostgresOutage() {
    }

    /**
     * The postmaster's command line, as the operating system reports it: its binary, data directory,
     * port and every server setting, what {@link #restart} starts again.
     */
    public static List<String> commandOf(long postmasterPid) {
        ProcessHandle.Info info = ProcessHandle.of(postmasterPid).map(ProcessHandle::info)
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL process " + postmasterPid));
        List<String> command = new ArrayList<>();
        command.add(info.command().orElseThrow(() -> new IllegalStateException("cannot read the command of " + postmasterPid)));
        command.addAll(List.of(info.arguments().orElse(new String[0])));
        return List.copyOf(command);
    }

    /**
     * Stops the server as an outage would: a fast shutdown (SIGINT), every connection dropped at once,
     * then SIGKILL if it still runs after 30 s.
     */
    public static void stop(long postmasterPid) {
        ProcessHandle.of(postmasterPid).ifPresent(postmaster -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(postmasterPid)).inheritIO().start().waitFor();
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                postmaster.destroyForcibly();
            } catch (IOException | ExecutionException | TimeoutException e) {
                postmaster.destroyForcibly();
            }
        });
    }

    /**
     * Starts a server stopped with {@link #stop} again as the embedded server starts it, through the
     * {@code pg_ctl} next to its binary, with the settings of its command line ({@link #commandOf}): the
     * same data directory and port, its data kept.
     *
     * @return the new postmaster's PID
     */
    public static long restart(List<String> command, String host, int port, Path logFile) {
        int dataFlag = command.indexOf("-D");
        if (dataFlag < 1 || dataFlag + 1 >= command.size()) {
            throw new IllegalArgumentException("no <postgres> -D <data directory> in " + command);
        }
        Path pgCtl = Path.of(command.get(0)).resolveSibling("pg_ctl");
        Path dataDirectory = Path.of(command.get(dataFlag + 1));
        List<String> settings = new ArrayList<>(command.subList(1, command.size()));
        settings.subList(dataFlag - 1, dataFlag + 1).clear();
        List<String> start = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; the embedded server runs it in a user namespace, as here.
            start.addAll(List.of("unshare", "-U"));
        }
        start.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-o", String.join(" ", settings), "start"));
        try {
            new ProcessBuilder(ProcessWatchdog.detached(start.toArray(String[]::new)))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true)
                    .start();
            new ReadinessProbe(Duration.ofSeconds(60), () -> PostgresServer.answersQueries(host, port))
                    .await("PostgreSQL on port " + port, null);
            long pid = PostgresServer.postmasterPid(dataDirectory);
            ProcessWatchdog.guard(pid, "INT");
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart PostgreSQL: " + e.getMessage(), e);
        }
    }

}
