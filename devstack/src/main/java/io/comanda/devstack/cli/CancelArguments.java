package io.comanda.devstack.cli;

import java.util.List;
import java.util.UUID;

/**
 * The arguments of {@code ./comanda cancel <order-id> --reason "..."}: an order id and the operator's reason,
 * both required.
 */
record CancelArguments(UUID orderId, String reason) {

    /** @return the arguments, or null when they do not make a command */
    static CancelArguments parse(List<String> args) {
        UUID orderId = null;
        String reason = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--reason") && i + 1 < args.size() && reason == null) {
                reason = args.get(++i);
            } else if (orderId == null && !arg.startsWith("--")) {
                orderId = uuid(arg);
                if (orderId == null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return orderId == null || reason == null || reason.isBlank() ? null : new CancelArguments(orderId, reason);
    }

    private static UUID uuid(String text) {
        try {
            // UUID.fromString also reads shortened forms such as 1-2-3-4-5; an order id is written in full.
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
