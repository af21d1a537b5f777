package io.comanda.benchmark;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of whole numbers, over defaults. */
final class Options {

    private Options() {
    }

    static Map<String, Integer> parse(String[] args, Map<String, Integer> defaults) {
        Map<String, Integer> options = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!defaults.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option " + args[i]
                        + "; known: " + defaults.keySet());
            }
            options.put(name, Integer.parseInt(args[++i]));
        }
        return options;
    }
}
