package io.comanda.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Strings of a request as text a person could have written: U+0000 (which PostgreSQL cannot store)
 * and lone surrogates (half a character, which no encoding can write back) are refused with an
 * error naming the field, rather than failing later in the database or in a reply.
 */
final class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && parser.currentToken() == JsonToken.VALUE_STRING) {
            String problem = problemOf(text);
            if (problem != null) {
                return (String) context.handleWeirdStringValue(String.class, text, problem);
            }
        }
        return text;
    }

    /** Why {@code text} is not plain text, or null when it is. */
    static String problemOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "U+0000 is not allowed in text";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "a lone surrogate is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "a lone surrogate is not a character";
            }
        }
        return null;
    }
}
