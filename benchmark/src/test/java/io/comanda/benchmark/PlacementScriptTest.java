package io.comanda.benchmark;

import io.comanda.events.EventReader;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.comanda.orders.persistence.PlacementStatements;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pgbench script is the service's own transaction, with a value for every parameter. */
class PlacementScriptTest {

    private static final Pattern VARIABLE = Pattern.compile("(?<!:):([a-z]+[0-9]*)");

    @Test
    void everyParameterOfTheServiceStatementsHasAValue() {
        PgBenchScript script = PlacementScript.current();

        assertThat(script.text()).doesNotContainPattern("\\$[0-9]");
        Set<String> used = variables(script.text());
        assertThat(used).containsAll(script.variables().keySet());
        assertThat(script.variables().keySet()).containsAll(used.stream().filter(v -> !v.equals("key")).toList());
    }

    @Test
    void eachTransactionPlacesANewOrderUnderANewKey() {
        String text = PlacementScript.current().text();

        assertThat(text).startsWith("\\set key random(");
        assertThat(text).contains("md5(:key::text)::uuid", "('k' || :key)");
        assertThat(text.lines().filter(line -> line.equals("BEGIN;") || line.equals("COMMIT;"))).hasSize(2);
    }

    @Test
    void theStatementsAreTheServiceOwn() {
        String text = PlacementScript.current().text();

        assertThat(text).contains(PlacementStatements.LOCK_AND_READ.lines().findFirst().orElseThrow().strip()
                .replace("$1", ":key"));
        assertThat(text).contains("insert into customer_order", "insert into outbox", "insert into idempotency_record");
    }

    @Test
    void theAnnouncedOrderIsAnOrderPlacedEvent() throws Exception {
        String payload = PlacementScript.current().variables().get("write5");

        OrderPlaced event = (OrderPlaced) EventReader.read(EventType.ORDER_PLACED_V1.ceType(),
                payload.getBytes(StandardCharsets.UTF_8));
        assertThat(event.items()).hasSize(2);
        assertThat(event.total().amount()).isEqualTo(6048);
    }

    @Test
    void aPlaceholderWithoutAValueIsNamed() {
        assertThatThrownBy(() -> PlacementScript.rewrite("select $1, $2", "read",
                Map.of(1, PlacementScript.Value.constant("x")), new HashMap<>()))
                .hasMessageContaining("$2");
    }

    private static Set<String> variables(String text) {
        Matcher variable = VARIABLE.matcher(text);
        return variable.results().map(m -> m.group(1)).collect(Collectors.toSet());
    }
}
