package io.comanda.events;

/** The record's value is not valid JSON of the event its {@code ce_type} names. */
public final class MalformedEventException extends EventDeserializationException {

    public MalformedEventException(Class<?> type, Throwable cause) {
        super("malformed " + type.getSimpleName() + " data: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Jackson appends the source excerpt on new lines; the first line is the reason.
        return message.lines().findFirst().orElse(message);
    }
}
