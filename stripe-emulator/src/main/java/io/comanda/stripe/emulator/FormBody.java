package io.comanda.stripe.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Stripe's request encoding: {@code application/x-www-form-urlencoded}, nested keys as {@code metadata[k]}. */
final class FormBody {

    private FormBody() {
    }

    /** The parameters, sorted by name, so equal requests compare equal. */
    static Map<String, String> parse(String body) {
        Map<String, String> parameters = new TreeMap<>();
        if (body == null || body.isBlank()) {
            return parameters;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** The entries of {@code metadata[name]=value} parameters, by name. */
    static Map<String, String> metadata(Map<String, String> parameters) {
        Map<String, String> metadata = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        return metadata;
    }
}
