package io.comanda.devstack.cli;

import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.clients.PartCommand;
import io.comanda.devstack.clients.PartStatus;
import io.comanda.devstack.clients.ZipkinTraces;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ./comanda} command: {@code up [--fresh] [--cluster]} starts the whole suite (with
 * {@code --cluster}, three brokers, two Connect workers and two instances of each service: {@link StackMode})
 * and stays in the foreground until Ctrl-C; {@code down} stops a running one; {@code status} tells whether
 * one runs and lists its parts with their state, pid and port; {@code stop|start|restart|kill <part>} controls one
 * part of the running stack through the launcher's {@link ControlServer control channel};
 * {@code mail [address]} prints the latest mails the stack's SMTP server received;
 * {@code trace <correlation-id | order-id>} prints one order's trace from the stack's trace store;
 * {@code reindex} rebuilds search-indexer's index from {@code comanda.orders} ({@link Reindex});
 * {@code reconcile} prints Stripe's charges, the payments and the orders side by side, with the
 * mismatches ({@link Reconcile}).
 * {@code dlq ...} lists, shows, replays and discards the consumers' dead letters ({@link DeadLetterCommand}).
 * {@code chaos ...} runs the fault suite on the running stack, or with {@code --soak <duration>} the soak
 * ({@link ChaosCommand}).
 * {@code cancel <order-id> --reason "..."} cancels a PENDING order as an operator ({@link CancelCommand}).
 */
public final class ComandaCommand {

    private final Path root = Path.of(System.getProperty("comanda.root", ".")).toAbsolutePath().normalize();
    private final Path pidFile = LocalStack.home(root).resolve("stack.pid");
    // The mode of the running stack, beside its pid, for the commands that reach it later.
    private final Path modeFile = LocalStack.home(root).resolve("stack.mode");
    private final PrintStream out = System.out;
    /** How long {@code down} waits: every part's grace (20 s) with room, a cluster's brokers one after another. */
    private static final Duration STOP_WITHIN = Duration.ofSeconds(180);

    public static void main(String[] args) throws Exception {
        String verb = args.length == 0 ? "help" : args[0];
        ComandaCommand command = new ComandaCommand();
        int status = switch (verb) {
            case "up" -> command.up(List.of(args).contains("--fresh"), StackMode.of(List.of(args)));
            case "down" -> command.down();
            case "status" -> command.status();
            case "stop", "start", "restart", "kill", "freeze", "thaw" -> command.control(List.of(args));
            case "mail" -> command.mail(List.of(args).subList(1, args.length));
            case "trace" -> args.length == 2 ? command.trace(args[1]) : command.help();
            case "reindex" -> Reindex.run(StackPorts.fromEnvironment(), command.out);
            case "reconcile" -> Reconcile.run(StackPorts.fromEnvironment(), command.out);
            case "chaos" -> ChaosCommand.run(List.of(args).subList(1, args.length),
                    command.runningMode().layout(StackPorts.fromEnvironment()),
                    command.running().flatMap(p -> ControlClient.of(LocalStack.home(command.root))), command.out);
            case "dlq" -> DeadLetterCommand.run(List.of(args).subList(1, args.length), StackPorts.fromEnvironment(),
                    command.out);
            case "cancel" -> CancelCommand.run(List.of(args).subList(1, args.length), StackPorts.fromEnvironment(),
                    command.out);
            default -> command.help();
        };
        if (status != 0 || !"up".equals(verb)) {
            System.exit(status);
        }
    }

    private int up(boolean fresh, StackMode mode) throws Exception {
        Optional<ProcessHandle> running = running();
        if (running.isPresent()) {
            out.println("Comanda is already running (pid " + running.get().pid() + "). Stop it with ./comanda down.");
            return 1;
        }
        StackPorts ports = StackPorts.fromEnvironment();
        for (StackMode.ListeningPort port : mode.listeningPorts(ports)) {
            if (Ports.inUse(port.port())) {
                out.println("Port " + port.port() + " for " + port.name() + " is in use. Stop what uses it, "
                        + "or choose another port: " + port.variable() + "=<port> ./comanda up"
                        + (mode == StackMode.CLUSTER ? " --cluster" : ""));
                return 1;
            }
        }
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Files.writeString(modeFile, mode.label());
        // A launcher killed with SIGKILL left its channel's port behind; this one writes its own once up.
        Files.deleteIfExists(LocalStack.home(root).resolve(ControlClient.PORT_FILE));
        long begin = System.nanoTime();
        out.println("Starting Comanda" + (mode == StackMode.CLUSTER ? " as a cluster" : "")
                + (fresh ? " from scratch" : "") + " ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(root, ports, mode, fresh, out);
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(modeFile);
            out.println("Comanda did not start: " + e.getMessage());
            return 1;
        }
        ControlServer control;
        try {
            control = ControlServer.open(LocalStack.home(root), controlPort(), stack::controlled);
        } catch (RuntimeException e) {
            stack.close();
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(modeFile);
            out.println("Comanda did not start: " + e.getMessage() + " (COMANDA_CONTROL_PORT moves it)");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping Comanda ...");
            control.close();
            stack.close();
            try {
                Files.deleteIfExists(pidFile);
                Files.deleteIfExists(modeFile);
            } catch (IOException ignored) {
                // The next up sees a dead pid and starts anyway.
            }
            out.println("Comanda stopped.");
        }, "comanda-down"));
        double seconds = (System.nanoTime() - begin) / 1e9;
        Walkthrough.print(out, stack, ports, seconds, ResidentMemory.ofStack(stack));
        Thread.currentThread().join();
        return 0;
    }

    private int down() throws InterruptedException {
        Optional<ProcessHandle> running = running();
        if (running.isEmpty()) {
            out.println("Comanda is not running.");
            return 0;
        }
        out.println("Stopping Comanda (pid " + running.get().pid() + ") ...");
        running.get().destroy();
        try {
            running.get().onExit().get(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            out.println("It did not stop within " + STOP_WITHIN.toSeconds() + " s; see " + LocalStack.home(root).resolve("logs"));
            return 1;
        }
        out.println("Comanda stopped.");
        return 0;
    }

    private int status() {
        Optional<ProcessHandle> running = running();
        String as = runningMode() == StackMode.CLUSTER ? " as a cluster" : "";
        out.println(running.map(p -> "Comanda is running" + as + " (pid " + p.pid() + ").")
                .orElse("Comanda is not running."));
        Optional<ControlClient> control = running.flatMap(p -> ControlClient.of(LocalStack.home(root)));
        if (running.isPresent() && control.isEmpty()) {
            out.println("Its parts are listed once it has started.");
        }
        try {
            control.ifPresent(client -> PartStatus.print(out, client.parts()));
        } catch (RuntimeException e) {
            out.println("Its parts are not listed: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** {@code stop|start|restart|kill <part>}: sent to the running launcher, which carries it out. */
    private int control(List<String> args) {
        return PartCommand.run(args, running().flatMap(p -> ControlClient.of(LocalStack.home(root))), out);
    }

    /** The control channel's port: {@code COMANDA_CONTROL_PORT}, else a free one (the CLI reads it from a file). */
    private static int controlPort() {
        return Integer.parseInt(System.getenv().getOrDefault("COMANDA_CONTROL_PORT", "0"));
    }

    private int mail(List<String> addresses) {
        if (running().isEmpty()) {
            out.println("Comanda is not running. Start it with ./comanda up.");
            return 1;
        }
        RecentMail.print(out, StackPorts.fromEnvironment().of(StackPart.SMTP.imapPortKey()), addresses);
        return 0;
    }

    /** Prints the trace of a correlation id (else of an order id) from the stack's Zipkin. */
    private int trace(String id) {
        String zipkin = "http://127.0.0.1:" + StackPorts.fromEnvironment().of(StackPart.ZIPKIN);
        ZipkinTraces store = new ZipkinTraces(zipkin);
        List<ZipkinTraces.Trace> traces;
        try {
            traces = store.ofCorrelationOrOrder(id);
        } catch (RuntimeException e) {
            out.println("Cannot read traces from " + zipkin + " (is Comanda running?): " + e.getMessage());
            return 1;
        }
        if (traces.isEmpty()) {
            out.println("No trace has a span tagged " + ZipkinTraces.CORRELATION_TAG + "=" + id + " or "
                    + ZipkinTraces.ORDER_TAG + "=" + id + " in " + zipkin + " (spans arrive within a few seconds).");
            return 1;
        }
        for (ZipkinTraces.Trace trace : traces) {
            TraceTree.print(out, trace);
            out.println("  " + store.uiUrl(trace));
        }
        return 0;
    }

    private int help() {
        out.println("usage: ./comanda up [--fresh] [--cluster] | down | status"
                + " | stop|start|restart|kill|freeze|thaw <part>"
                + " | events <topic> | mail [address]"
                + " | cancel <order-id> --reason R"
                + " | trace <correlation-id | order-id> | reindex | reconcile | chaos [--short] | chaos --soak <duration>"
                + " | dlq list|show <id>|replay <id>|replay --type T --reason R|discard <id> [--force --reason R]"
                + " [--service S]");
        return 2;
    }

    /** The mode the running stack was started in; a stack started before modes existed ran one of each. */
    private StackMode runningMode() {
        try {
            return StackMode.labelled(Files.readString(modeFile)).orElse(StackMode.SINGLE);
        } catch (IOException e) {
            return StackMode.SINGLE;
        }
    }

    private Optional<ProcessHandle> running() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            // A recycled pid of some other program is not a running stack.
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
