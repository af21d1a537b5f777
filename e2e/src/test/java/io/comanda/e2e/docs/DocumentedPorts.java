package io.comanda.e2e.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports a document's tables give the local stack's parts: in a row whose cell names
 * {@code COMANDA_*_PORT} variables, the cell before it holds their ports in the same order
 * ({@code | Kafka (controller) | 9092 (9093) | `COMANDA_KAFKA_PORT`, `COMANDA_KAFKA_CONTROLLER_PORT` |}).
 */
final class DocumentedPorts {

    private static final Pattern PORT_VARIABLE = Pattern.compile("COMANDA_[A-Z0-9_]*_PORT(?![A-Z0-9_])");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{2,5}\\b");

    private DocumentedPorts() {
    }

    /** Each port variable a table row documents, with the port written beside it; unpaired rows are reported. */
    static Map<String, String> in(String text) {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            List<String> cells = cells(line);
            for (int i = 1; i < cells.size(); i++) {
                List<String> variables = all(PORT_VARIABLE, cells.get(i));
                if (variables.isEmpty() || !all(PORT_VARIABLE, cells.get(i - 1)).isEmpty()) {
                    continue;
                }
                List<String> numbers = all(NUMBER, cells.get(i - 1));
                for (int v = 0; v < variables.size(); v++) {
                    ports.put(variables.get(v), v < numbers.size() && numbers.size() == variables.size()
                            ? numbers.get(v) : "no port beside it in: " + line);
                }
            }
        }
        return ports;
    }

    private static List<String> cells(String line) {
        String row = line.trim();
        if (!row.startsWith("|") || !row.endsWith("|")) {
            return List.of();
        }
        return List.of(row.substring(1, row.length() - 1).split("(?<!\\\\)\\|"));
    }

    private static List<String> all(Pattern pattern, String cell) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(cell);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
