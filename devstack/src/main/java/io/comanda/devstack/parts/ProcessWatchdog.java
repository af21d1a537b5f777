package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure an OS process started for the stack dies with the JVM that started it, even when that
 * JVM is killed with SIGKILL and no shutdown hook runs (a test run cancelled, a crashed surefire fork).
 *
 * <p>Each guarded process gets a tiny shell loop in its own session that polls both PIDs once a
 * second: when the guarded process ends first, the loop ends; when this JVM ends first, it signals the
 * guarded process (and its process group), waits, and then kills it.
 */
public final class ProcessWatchdog {

    private static final String LOOP = """
            jvm=$1; pid=$2; sig=$3
            while kill -0 "$jvm" 2>/dev/null; do
              kill -0 "$pid" 2>/dev/null || exit 0
              sleep 1
            done
            kill -s "$sig" -- "-$pid" 2>/dev/null; kill -s "$sig" "$pid" 2>/dev/null
            i=0
            while kill -0 "$pid" 2>/dev/null && [ $i -lt 20 ]; do sleep 1; i=$((i+1)); done
            kill -s KILL -- "-$pid" 2>/dev/null; kill -s KILL "$pid" 2>/dev/null
            exit 0
            """;

    private ProcessWatchdog() {
    }

    /** Guards {@code pid}: when this JVM dies it gets {@code signal} (e.g. TERM, INT), then KILL. */
    public static void guard(long pid, String signal) {
        long jvm = ProcessHandle.current().pid();
        try {
            new ProcessBuilder(detached("/bin/sh", "-c", LOOP, "comanda-watchdog",
                    Long.toString(jvm), Long.toString(pid), signal))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the watchdog of process " + pid, e);
        }
    }

    /**
     * Prefixes a command with {@code setsid} where it exists, so the process has its own session and
     * process group: a Ctrl-C in the terminal reaches the launcher, which then stops everything in
     * order, instead of reaching every process at once.
     */
    static String[] detached(String... command) {
        if (!Files.isExecutable(Path.of("/usr/bin/setsid")) && !Files.isExecutable(Path.of("/bin/setsid"))) {
            return command;
        }
        String[] withSetsid = new String[command.length + 1];
        withSetsid[0] = "setsid";
        System.arraycopy(command, 0, withSetsid, 1, command.length);
        return withSetsid;
    }
}
