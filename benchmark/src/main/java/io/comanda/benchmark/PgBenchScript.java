package io.comanda.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A script pgbench runs, with the string variables it is given on its command line ({@code -D name=value}).
 *
 * @param name      what the figures are printed under
 * @param text      the script
 * @param variables {@code -D} values, by variable name
 */
record PgBenchScript(String name, String text, Map<String, String> variables) {

    PgBenchScript {
        variables = Map.copyOf(variables);
    }

    /** A script kept as a resource next to this class, without variables. */
    static PgBenchScript resource(String name) {
        try (InputStream in = PgBenchScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no pgbench script " + name);
            }
            return new PgBenchScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
