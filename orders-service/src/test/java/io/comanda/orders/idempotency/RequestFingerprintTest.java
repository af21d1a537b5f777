package io.comanda.orders.idempotency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A retry is told from a different request by the fingerprint stored with the key. */
class RequestFingerprintTest {

    private static final String BODY = "{\"items\":[{\"sku\":\"ESPRESSO-250G\",\"quantity\":2}],\"paymentMethod\":\"pm_card_visa\"}";

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertThat(RequestFingerprint.of("POST", "/orders", BODY)).isEqualTo(RequestFingerprint.of("POST", "/orders", BODY))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anotherBodyMethodOrPathIsAnotherRequest() {
        String fingerprint = RequestFingerprint.of("POST", "/orders", BODY);

        assertThat(RequestFingerprint.of("POST", "/orders", BODY.replace("2", "3"))).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("PUT", "/orders", BODY)).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST", "/orders/1", BODY)).isNotEqualTo(fingerprint);
    }

    @Test
    void aStoredRecordMatchesOnlyItsOwnFingerprint() {
        String fingerprint = RequestFingerprint.of("POST", "/orders", BODY);
        IdempotencyRecord stored = new IdempotencyRecord(fingerprint, new StoredResponse(201, BODY, "/orders/1"));

        assertThat(stored.matches(fingerprint)).isTrue();
        assertThat(stored.matches(RequestFingerprint.of("POST", "/orders", "{}"))).isFalse();
    }
}
