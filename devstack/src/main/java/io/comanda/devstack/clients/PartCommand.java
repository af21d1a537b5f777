package io.comanda.devstack.clients;

import io.comanda.devstack.parts.StackPart;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./comanda stop|start|restart|kill|freeze|thaw <part>}, as typed: which action, on which part. The launcher
 * resolves the part's name, so a name it does not know is its answer, with the names it knows.
 *
 * @param action what to do
 * @param part   the part's name, e.g. {@code orders}, {@code postgres}, {@code connect}
 */
public record PartCommand(Action action, String part) {

    /** The usage, naming the services first, then the other parts of the {@link StackPart catalogue}. */
    public static final String USAGE = "usage: ./comanda stop|start|restart|kill|freeze|thaw <part> ("
            + Stream.concat(StackPart.services().stream(),
                    Arrays.stream(StackPart.values()).filter(part -> !part.isService()))
            .map(StackPart::operatorName).collect(Collectors.joining(", ")) + ")";

    /** What the operator asks of a part. */
    public enum Action {
        /** Stops it gracefully; what does not stop within its grace period is killed. */
        STOP,
        /** Starts it again with the ports, data and configuration it first started with. */
        START,
        /** Stop, then start. */
        RESTART,
        /** SIGKILL for its processes, as a crash; the launcher does not start it again by itself. */
        KILL,
        /** SIGSTOP for its processes: it holds its connections and answers nothing, as a paused machine would. */
        FREEZE,
        /** SIGCONT for a frozen part: it runs on from where it was held. */
        THAW;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> named(String label) {
            return Arrays.stream(values()).filter(action -> action.label().equals(label)).findFirst();
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(Action::label).toList();
        }
    }

    /**
     * Reads {@code <action> <part>}.
     *
     * @throws IllegalArgumentException with the usage when the action is unknown or the part missing
     */
    public static PartCommand parse(List<String> args) {
        if (args.size() != 2 || args.get(1).isBlank()) {
            throw new IllegalArgumentException(USAGE);
        }
        Action action = Action.named(args.get(0)).orElseThrow(() -> new IllegalArgumentException(USAGE));
        if (!args.get(1).matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("no part " + args.get(1) + "; " + USAGE);
        }
        return new PartCommand(action, args.get(1));
    }

    /**
     * Reads {@code args} and sends the command to the launcher, printing its answer.
     *
     * @param control the running launcher's channel; empty when none runs or it is still starting
     * @return the exit status: 0 when done, 1 when the launcher refused or failed, 2 for a usage error
     */
    public static int run(List<String> args, Optional<ControlClient> control, PrintStream out) {
        PartCommand command;
        try {
            command = parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        if (control.isEmpty()) {
            out.println("Comanda is not running, or still starting: its parts take commands once it is up.");
            return 1;
        }
        try {
            ControlClient.Reply reply = control.get().send(command);
            out.println(reply.message());
            return reply.succeeded() ? 0 : 1;
        } catch (RuntimeException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    /** The control channel's request path for it. */
    public String path() {
        return "/parts/" + part + "/" + action.label();
    }
}
