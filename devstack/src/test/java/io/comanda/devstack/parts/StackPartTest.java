package io.comanda.devstack.parts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue names each part once, and the stack's ports and their variables follow from it. */
class StackPartTest {

    @Test
    void eachPartHasAnOperatorsNameAndAnOwnNameNoOtherPartUses() {
        assertThat(Arrays.stream(StackPart.values()).map(StackPart::operatorName)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(StackPart.values()).map(StackPart::partName)).doesNotHaveDuplicates();
        assertThat(StackPart.named("connect")).contains(StackPart.CONNECT);
        assertThat(StackPart.named("kafka-connect")).contains(StackPart.CONNECT);
        assertThat(StackPart.named("orders-service")).contains(StackPart.ORDERS);
        assertThat(StackPart.named("mongodb")).isEmpty();
    }

    @Test
    void theDefaultPortsAreTheLocalStacksFixedPorts() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("postgres", 5432);
        expected.put("kafka", 9092);
        expected.put("kafka-controller", 9093);
        expected.put("connect", 8083);
        expected.put("keycloak", 8180);
        expected.put("smtp", 2525);
        expected.put("imap", 1143);
        expected.put("stripe", 12111);
        expected.put("orders", 8081);
        expected.put("payments", 8082);
        expected.put("notifications", 8084);
        expected.put("search", 8085);
        expected.put("zipkin", 9411);
        expected.put("orders-management", 9081);
        expected.put("payments-management", 9082);
        expected.put("notifications-management", 9084);
        expected.put("search-management", 9085);

        assertThat(StackPart.defaultPorts()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(StackPart.defaultPorts().values()).doesNotHaveDuplicates();
        assertThat(StackPorts.parts()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void eachPortIsMovedByAVariableNamedAfterIt() {
        assertThat(StackPart.CONNECT.portVariable()).isEqualTo("COMANDA_CONNECT_PORT");
        assertThat(StackPart.STRIPE.portVariable()).isEqualTo("COMANDA_STRIPE_PORT");
        assertThat(StackPorts.variable(StackPart.KAFKA.controllerPortKey())).isEqualTo("COMANDA_KAFKA_CONTROLLER_PORT");
        assertThat(StackPorts.variable(StackPart.SMTP.imapPortKey())).isEqualTo("COMANDA_IMAP_PORT");
        assertThat(StackPorts.variable(StackPart.ORDERS.managementPortKey()))
                .isEqualTo("COMANDA_ORDERS_MANAGEMENT_PORT");
    }

    @Test
    void theServicesAreTheFourWithADatabaseAndAManagementInterface() {
        assertThat(StackPart.services()).containsExactly(StackPart.ORDERS, StackPart.PAYMENTS,
                StackPart.NOTIFICATIONS, StackPart.SEARCH);
        assertThat(StackPart.services()).allMatch(service -> service.restart() == StackPart.Restart.KEEPS_DATA);
        assertThatThrownBy(StackPart.KAFKA::managementPortKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTablesListTheDataPathFirstThenThePartsBesideItThenTheServices() {
        assertThat(StackPart.tablePosition("postgres")).isLessThan(StackPart.tablePosition("kafka"));
        assertThat(StackPart.tablePosition("kafka-connect")).isLessThan(StackPart.tablePosition("keycloak"));
        assertThat(StackPart.tablePosition("keycloak")).isLessThan(StackPart.tablePosition("orders-service"));
        assertThat(StackPart.tablePosition("something else")).isEqualTo(StackPart.values().length);
    }
}
