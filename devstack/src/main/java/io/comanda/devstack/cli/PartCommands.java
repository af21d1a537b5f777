package io.comanda.devstack.cli;

import io.comanda.devstack.clients.PartCommand;
import io.comanda.devstack.clients.PartStatus;
import io.comanda.devstack.parts.RestartablePart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the launcher does for a command of the control channel: finds the part, runs the action on it,
 * and describes the outcome for the operator. One command per part at a time ({@link RestartablePart}
 * serialises them); commands for different parts run side by side.
 */
final class PartCommands {

    /** An answer of the control channel: its HTTP status and JSON body. */
    record Answer(int httpStatus, Object body) {
    }

    private final Supplier<List<RestartablePart<?>>> parts;

    PartCommands(Supplier<List<RestartablePart<?>>> parts) {
        this.parts = parts;
    }

    List<PartStatus> statuses() {
        return parts.get().stream().map(PartCommands::status).toList();
    }

    /** Runs {@code action} ({@code stop}, {@code start}, {@code restart}, {@code kill}, {@code freeze}, {@code thaw}) on the part called {@code name}. */
    Answer run(String name, String action) {
        Optional<PartCommand.Action> known = PartCommand.Action.named(action);
        if (known.isEmpty()) {
            return answer(404, "no action " + action + "; one of " + PartCommand.Action.names(), null);
        }
        Optional<RestartablePart<?>> part = parts.get().stream().filter(p -> p.isCalled(name)).findFirst();
        if (part.isEmpty()) {
            return answer(404, "no part " + name + "; one of "
                    + parts.get().stream().map(RestartablePart::name).toList(), null);
        }
        long begin = System.nanoTime();
        try {
            String done = run(part.get(), known.get());
            return answer(200, String.format(Locale.ROOT, "%s in %.1f s", done, (System.nanoTime() - begin) / 1e9),
                    status(part.get()));
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return answer(409, e.getMessage(), status(part.get()));
        } catch (RuntimeException e) {
            return answer(500, known.get().label() + " " + part.get().name() + " failed: " + e.getMessage(),
                    status(part.get()));
        }
    }

    private static String run(RestartablePart<?> part, PartCommand.Action action) {
        String name = part.name();
        return switch (action) {
            case STOP -> part.stop() ? "stopped " + name : name + " was stopped already";
            case START -> part.start() ? "started " + name + pidOf(part) : name + " was running already" + pidOf(part);
            case RESTART -> {
                part.restart();
                yield "restarted " + name + pidOf(part);
            }
            case KILL -> "killed " + name + " (pid " + part.kill() + ") with SIGKILL";
            case FREEZE -> "froze " + name + " (pid " + part.freeze() + ") with SIGSTOP";
            case THAW -> part.thaw() ? "thawed " + name + " with SIGCONT" : name + " was not frozen";
        };
    }

    private static String pidOf(RestartablePart<?> part) {
        Long pid = status(part).pid();
        return pid == null ? "" : " (pid " + pid + ")";
    }

    /** The part as {@code ./comanda status} lists it. */
    static PartStatus status(RestartablePart<?> part) {
        return new PartStatus(part.name(), part.state().label(), part.pid().stream().boxed().findFirst().orElse(null),
                part.port());
    }

    private static Answer answer(int status, String message, PartStatus part) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (part != null) {
            body.put("part", part);
        }
        return new Answer(status, body);
    }
}
