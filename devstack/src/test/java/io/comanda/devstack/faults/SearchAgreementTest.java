package io.comanda.devstack.faults;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The index equals the orders only with a document per order, each with its order's status, and no more. */
class SearchAgreementTest {

    private static final Map<String, String> ORDERS = Map.of("a", "CONFIRMED", "b", "CANCELLED");

    @Test
    void documentsWithTheOrdersStatusesAgree() {
        SearchAgreement agreement = SearchAgreement.of(ORDERS, Map.of("a", "CONFIRMED", "b", "CANCELLED"), 10, 10);

        assertThat(agreement.equal()).isTrue();
        assertThat(agreement.compared()).isEqualTo(2);
    }

    @Test
    void anOrderWithoutADocumentIsMissing() {
        SearchAgreement agreement = SearchAgreement.of(ORDERS, Map.of("a", "CONFIRMED"), 10, 9);

        assertThat(agreement.equal()).isFalse();
        assertThat(agreement.missing()).isEqualTo(1);
        assertThat(agreement.examples()).containsExactly("b: CANCELLED at orders-service, no document");
    }

    @Test
    void aDocumentStillPendingDiffers() {
        SearchAgreement agreement = SearchAgreement.of(ORDERS, Map.of("a", "PENDING", "b", "CANCELLED"), 10, 10);

        assertThat(agreement.equal()).isFalse();
        assertThat(agreement.differing()).isEqualTo(1);
    }

    @Test
    void moreDocumentsThanOrdersDisagree() {
        SearchAgreement agreement = SearchAgreement.of(ORDERS, Map.of("a", "CONFIRMED", "b", "CANCELLED"), 10, 11);

        assertThat(agreement.equal()).isFalse();
    }

    @Test
    void anIndexThatCouldNotBeReadDisagreesEvenWithoutOrders() {
        assertThat(SearchAgreement.notCompared(0, "connection refused").equal()).isFalse();
    }
}
