package io.comanda.platform.logging;

/**
 * Text from outside (a record's headers or payload, a request's path) made safe for one log line:
 * line breaks, other control characters, and the format characters that reorder what a reader sees
 * (bidirectional overrides) are written as {@code \\uXXXX}, and long text is cut. Whoever can produce
 * to a topic or send a request could otherwise forge log lines or hide text in them.
 */
public final class UntrustedText {

    /** The most characters of one value a log line shows. */
    public static final int MAX_LENGTH = 256;

    private UntrustedText() {
    }

    /** {@code value}'s text, escaped and cut to {@link #MAX_LENGTH}; "null" for null. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        int shown = Math.min(text.length(), MAX_LENGTH);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (text.length() > MAX_LENGTH) {
            safe.append("...(").append(text.length()).append(" chars)");
        }
        return safe.toString();
    }

    private static boolean needsEscape(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }
}
