package io.comanda.benchmark;

import io.comanda.events.EventType;
import io.comanda.orders.persistence.PlacementStatements;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench's script of the transaction orders-service runs for one new order, made from the service's own
 * statements ({@link PlacementStatements#LOCK_AND_READ}, {@link PlacementStatements#INSERT_PLACED_ORDER}):
 * BEGIN, the reading statement, the writing one, COMMIT. Each {@code $N} becomes a pgbench variable
 * ({@code :readN}, {@code :writeN}) given with {@code -D}, or an expression of {@code :key}, a random
 * number {@code \set} per transaction: each transaction places a new order under a new key, as the
 * service's clients do.
 */
final class PlacementScript {

    static final String NAME = "place-order";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final String ORDER_ID = "md5(:key::text)::uuid";
    private static final String KEY = "('k' || :key)";
    private static final String CUSTOMER = "pgbench";
    private static final String PAYLOAD = """
            {"orderId":"00000000-0000-0000-0000-000000000000","customerId":"pgbench","items":[\
            {"sku":"ESPRESSO-250G","quantity":2,"unitPrice":{"amount":1299,"currency":"EUR"},\
            "name":"Espresso beans, 250 g"},\
            {"sku":"MOKA-POT-3","quantity":1,"unitPrice":{"amount":3450,"currency":"EUR"},\
            "name":"Moka pot \\"Classic\\", 3 cups"}],\
            "total":{"amount":6048,"currency":"EUR"},"paymentMethod":"pm_card_visa",\
            "occurredAt":"2026-11-27T10:15:30.123456Z","note":"benchmark","version":1}""";

    private PlacementScript() {
    }

    /** The script and its variables. */
    static PgBenchScript current() {
        Map<String, String> variables = new LinkedHashMap<>();
        String text = "\\set key random(1, 9000000000000000)\nBEGIN;\n"
                + rewrite(PlacementStatements.LOCK_AND_READ, "read", readValues(), variables) + ";\n"
                + rewrite(PlacementStatements.INSERT_PLACED_ORDER, "write", writeValues(), variables) + ";\n"
                + "COMMIT;\n";
        return new PgBenchScript(NAME, text, variables);
    }

    /** The reading statement's values: the key's lock and record, the products. */
    private static Map<Integer, Value> readValues() {
        return Map.of(1, Value.expression(":key"), 2, Value.constant(CUSTOMER), 3, Value.expression(KEY),
                4, Value.constant("{ESPRESSO-250G,MOKA-POT-3}"));
    }

    /** The writing statement's values: the outbox row ($1-$9), the order and its lines, the key's record. */
    private static Map<Integer, Value> writeValues() {
        Map<Integer, Value> values = new LinkedHashMap<>();
        values.put(1, Value.expression("gen_random_uuid()"));
        values.put(2, Value.constant(EventType.ORDER_PLACED_V1.topic().aggregateType()));
        values.put(3, Value.expression(ORDER_ID + "::text"));
        values.put(4, Value.constant(EventType.ORDER_PLACED_V1.ceType()));
        values.put(5, Value.constant(PAYLOAD));
        values.put(6, Value.constant("/comanda/orders-service"));
        values.put(7, Value.constant("pgbench"));
        values.put(8, Value.constant("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        values.put(9, Value.expression("now()"));
        values.put(10, Value.expression(ORDER_ID));
        values.put(11, Value.constant(CUSTOMER));
        values.put(12, Value.constant("PENDING"));
        values.put(13, Value.constant("6048"));
        values.put(14, Value.constant("EUR"));
        values.put(15, Value.constant("pm_card_visa"));
        values.put(16, Value.constant("benchmark"));
        values.put(17, Value.expression("now()"));
        values.put(18, Value.constant("1"));
        values.put(19, Value.constant("{1,2}"));
        values.put(20, Value.constant("{ESPRESSO-250G,MOKA-POT-3}"));
        values.put(21, Value.constant("{\"Espresso beans, 250 g\",\"Moka pot \\\"Classic\\\", 3 cups\"}"));
        values.put(22, Value.constant("{2,1}"));
        values.put(23, Value.constant("{1299,3450}"));
        values.put(24, Value.expression(KEY));
        values.put(25, Value.constant("a".repeat(64)));
        values.put(26, Value.constant("201"));
        values.put(27, Value.constant("x".repeat(600)));
        values.put(28, Value.expression("('/orders/' || " + ORDER_ID + ")"));
        values.put(29, Value.expression("now()"));
        values.put(30, Value.expression("(now() + interval '24 hours')"));
        return values;
    }

    /**
     * {@code statement} with each {@code $N} replaced: by {@code :<prefix>N}, whose value goes into
     * {@code variables}, or by its expression.
     *
     * @throws IllegalStateException when a placeholder has no value: the service's statement changed
     */
    static String rewrite(String statement, String prefix, Map<Integer, Value> values, Map<String, String> variables) {
        Matcher placeholder = PLACEHOLDER.matcher(statement.strip());
        StringBuilder script = new StringBuilder();
        while (placeholder.find()) {
            int n = Integer.parseInt(placeholder.group(1));
            Value value = values.get(n);
            if (value == null) {
                throw new IllegalStateException("no pgbench value for $" + n + " of " + prefix
                        + " in PlacementStatements: give it one in PlacementScript");
            }
            String replacement = value.expression() != null ? value.expression() : ":" + prefix + n;
            if (value.expression() == null) {
                variables.put(prefix + n, value.constant());
            }
            placeholder.appendReplacement(script, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(script);
        return script.toString();
    }

    /**
     * One parameter's value in the script: a constant passed with {@code -D}, or an SQL expression.
     *
     * @param constant   the text value; null for an expression
     * @param expression the SQL written in the placeholder's stead; null for a constant
     */
    record Value(String constant, String expression) {

        static Value constant(String value) {
            return new Value(value, null);
        }

        static Value expression(String sql) {
            return new Value(null, sql);
        }
    }
}
