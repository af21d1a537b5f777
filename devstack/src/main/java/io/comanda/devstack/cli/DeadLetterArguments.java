package io.comanda.devstack.cli;

import io.comanda.devstack.parts.StackPart;

import java.util.List;

/**
 * The arguments of {@code ./comanda dlq}: a verb, a dead-letter id for {@code show}, {@code discard} and a
 * single {@code replay}, or {@code --type}/{@code --reason} for a selective replay, and optionally
 * {@code --force} and {@code --service}. A forced {@code discard} takes {@code --reason}, why the operator
 * discards a dead letter after which an effect may exist.
 */
record DeadLetterArguments(String verb, String id, String type, String reason, boolean force, String service) {

    /** @return the arguments, or null when they do not make a command */
    static DeadLetterArguments parse(List<String> args) {
        if (args.isEmpty()) {
            return null;
        }
        String verb = args.get(0);
        String id = null;
        String type = null;
        String reason = null;
        String service = null;
        boolean force = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            boolean hasValue = i + 1 < args.size();
            switch (arg) {
                case "--force" -> force = true;
                case "--type" -> type = hasValue ? args.get(++i) : null;
                case "--reason" -> reason = hasValue ? args.get(++i) : null;
                case "--service" -> service = hasValue ? args.get(++i) : "";
                default -> {
                    if (id != null || arg.startsWith("--")) {
                        return null;
                    }
                    id = arg;
                }
            }
        }
        if (service != null && !isService(service)) {
            return null;
        }
        boolean valid = switch (verb) {
            case "list" -> id == null && type == null && reason == null;
            case "show" -> id != null && type == null && reason == null;
            // A forced discard overrides the flag that an effect may exist: it always says why.
            case "discard" -> id != null && type == null && force == (reason != null);
            case "replay" -> (id != null) != (type != null || reason != null);
            default -> false;
        };
        return valid ? new DeadLetterArguments(verb, id, type, reason, force, service) : null;
    }

    private static boolean isService(String name) {
        return StackPart.services().stream().anyMatch(service -> service.operatorName().equals(name));
    }
}
