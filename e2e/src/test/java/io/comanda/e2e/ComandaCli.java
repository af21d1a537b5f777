package io.comanda.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs {@code ./comanda} as a newcomer types it, from the repository root. */
final class ComandaCli {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private ComandaCli() {
    }

    /** Starts {@code ./comanda args...} in the background, its output going to {@code log}. */
    static Process start(Path log, Map<String, String> environment, String... args) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("comanda").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs {@code ./comanda args...} to its end and returns its exit code and output. */
    static Result run(Map<String, String> environment, String... args) throws Exception {
        return run(environment, Duration.ofSeconds(120), args);
    }

    /** {@link #run(Map, String...)}, for a command that may take up to {@code within}. */
    static Result run(Map<String, String> environment, Duration within, String... args) throws Exception {
        Path log = Files.createTempFile("comanda", ".log");
        Process process = start(log, environment, args);
        if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./comanda " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /** Every process of a running stack: the launcher, its descendants and PostgreSQL's. */
    static Set<Long> stackProcesses(Process launcher) throws IOException {
        Set<Long> pids = launcher.descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        pids.add(launcher.pid());
        Path postmasterPid = ROOT.resolve(".comanda/data/postgres/postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * @param exitCode the command's exit code
     * @param output   what it printed
     */
    record Result(int exitCode, String output) {
    }
}
