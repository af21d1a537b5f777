package io.comanda.devstack.parts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The instances of a part: named and placed after the first, which is the part as the catalogue has it. */
class PartInstanceTest {

    private static final StackPorts DEFAULT_PORTS = StackPorts.from(Map.of());

    @Test
    void theFirstInstanceIsThePartAsTheCatalogueNamesAndPlacesIt() {
        PartInstance orders = PartInstance.first(StackPart.ORDERS);

        assertThat(orders.operatorName()).isEqualTo("orders");
        assertThat(orders.partName()).isEqualTo("orders-service");
        assertThat(orders.title()).isEqualTo(StackPart.ORDERS.title());
        assertThat(orders.port(DEFAULT_PORTS)).isEqualTo(8081);
        assertThat(orders.otherPort(DEFAULT_PORTS, "orders-management")).isEqualTo(9081);
        assertThat(orders.portName("orders-management")).isEqualTo("orders-management");
    }

    @Test
    void aLaterInstanceCarriesItsNumberInEachName() {
        assertThat(new PartInstance(StackPart.KAFKA, 2).operatorName()).isEqualTo("kafka-2");
        assertThat(new PartInstance(StackPart.CONNECT, 2).operatorName()).isEqualTo("connect-2");
        assertThat(new PartInstance(StackPart.CONNECT, 2).partName()).isEqualTo("kafka-connect-2");
        assertThat(new PartInstance(StackPart.SEARCH, 2).partName()).isEqualTo("search-indexer-2");
        assertThat(new PartInstance(StackPart.KAFKA, 3).title()).isEqualTo("Kafka 3");
        assertThat(new PartInstance(StackPart.KAFKA, 3).portName("kafka-controller")).isEqualTo("kafka-3-controller");
    }

    @Test
    void eachBrokerTakesTheNextPairOfPortsForClientsAndControllers() {
        List<PartInstance> brokers = List.of(new PartInstance(StackPart.KAFKA, 1), new PartInstance(StackPart.KAFKA, 2),
                new PartInstance(StackPart.KAFKA, 3));

        assertThat(brokers).extracting(broker -> broker.port(DEFAULT_PORTS)).containsExactly(9092, 9094, 9096);
        assertThat(brokers).extracting(broker -> broker.otherPort(DEFAULT_PORTS, "kafka-controller"))
                .containsExactly(9093, 9095, 9097);
    }

    @Test
    void aSecondServiceOrWorkerListensAHundredAboveTheFirst() {
        PartInstance orders = new PartInstance(StackPart.ORDERS, 2);
        PartInstance connect = new PartInstance(StackPart.CONNECT, 2);

        assertThat(orders.port(DEFAULT_PORTS)).isEqualTo(8181);
        assertThat(orders.otherPort(DEFAULT_PORTS, "orders-management")).isEqualTo(9181);
        assertThat(new PartInstance(StackPart.NOTIFICATIONS, 2).port(DEFAULT_PORTS)).isEqualTo(8184);
        assertThat(connect.port(DEFAULT_PORTS)).isEqualTo(8183);
    }

    @Test
    void theVariableThatMovesTheFirstInstanceMovesTheOthersWithIt() {
        StackPorts moved = StackPorts.from(Map.of("COMANDA_KAFKA_PORT", "19092", "COMANDA_KAFKA_CONTROLLER_PORT", "19093",
                "COMANDA_ORDERS_PORT", "8091"));

        assertThat(new PartInstance(StackPart.KAFKA, 3).port(moved)).isEqualTo(19096);
        assertThat(new PartInstance(StackPart.KAFKA, 3).otherPort(moved, "kafka-controller")).isEqualTo(19097);
        assertThat(new PartInstance(StackPart.ORDERS, 2).port(moved)).isEqualTo(8191);
    }

    @Test
    void anInstanceIsFoundByItsOperatorsNameOrItsOwn() {
        assertThat(PartInstance.named("kafka-2")).contains(new PartInstance(StackPart.KAFKA, 2));
        assertThat(PartInstance.named("orders-service-2")).contains(new PartInstance(StackPart.ORDERS, 2));
        assertThat(PartInstance.named("kafka-connect-2")).contains(new PartInstance(StackPart.CONNECT, 2));
        assertThat(PartInstance.named("kafka-connect")).contains(PartInstance.first(StackPart.CONNECT));
        assertThat(PartInstance.named("payments")).contains(PartInstance.first(StackPart.PAYMENTS));
        assertThat(PartInstance.named("kafka-12")).contains(new PartInstance(StackPart.KAFKA, 12));
    }

    @Test
    void theFirstInstanceHasNoNumberedNameAndAnUnknownPartNoInstance() {
        assertThat(PartInstance.named("kafka-1")).isEmpty();
        assertThat(PartInstance.named("kafka-0")).isEmpty();
        assertThat(PartInstance.named("mongodb-2")).isEmpty();
        assertThat(PartInstance.named("orders-")).isEmpty();
        assertThatThrownBy(() -> new PartInstance(StackPart.KAFKA, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTablesListEachPartsInstancesTogetherInTheCataloguesOrder() {
        List<String> names = List.of("orders-2", "something else", "kafka-3", "orders-service", "connect-2", "kafka",
                "postgres", "kafka-connect", "kafka-2", "search-2");

        assertThat(names.stream().sorted(PartInstance.tableOrder())).containsExactly("postgres", "kafka", "kafka-2",
                "kafka-3", "kafka-connect", "connect-2", "orders-service", "orders-2", "search-2", "something else");
    }

    @Test
    void oneInstanceOfEachPartIsOrderedAsTheCatalogueOrdersItsParts() {
        List<String> names = List.of("search", "postgres", "keycloak", "orders-service", "connect", "kafka");

        assertThat(names.stream().sorted(PartInstance.tableOrder()).toList()).isEqualTo(names.stream()
                .sorted(java.util.Comparator.comparingInt(StackPart::tablePosition)).toList());
    }
}
