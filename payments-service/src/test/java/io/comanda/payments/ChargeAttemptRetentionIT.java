package io.comanda.payments;

import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.platform.retention.RetentionPurge;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention purge deletes a charge attempt past {@code comanda.payments.charge-attempt-retention}
 * (30 days) once its payment is recorded and nothing about it is unresolved, and keeps every other one:
 * a younger one, one still unresolved, one whose payment is not recorded (a charge that may be in flight).
 */
@QuarkusTest
class ChargeAttemptRetentionIT {

    private static final Duration OLD = Duration.ofDays(31);

    @Inject
    RetentionPurge purge;

    @Test
    void deletesOnlySettledChargeAttemptsPastTheirRetention() {
        UUID settled = attempt(OLD, null);
        payment(settled);
        UUID young = attempt(Duration.ofDays(29), null);
        payment(young);
        UUID unresolved = attempt(OLD, "awaiting-answer");
        payment(unresolved);
        UUID withoutPayment = attempt(OLD, null);

        purge.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(exists(settled)).as("settled, 31 days old").isFalse();
        assertThat(exists(young)).as("settled, 29 days old").isTrue();
        assertThat(exists(unresolved)).as("unresolved, 31 days old").isTrue();
        assertThat(exists(withoutPayment)).as("no payment recorded, 31 days old").isTrue();
    }

    private static UUID attempt(Duration age, String unresolved) {
        UUID order = UUID.randomUUID();
        Timestamp firstUsed = Timestamp.from(Instant.now().minus(age));
        TestDatabase.update("""
                insert into charge_attempt (order_id, idempotency_key, key_first_used_at, unresolved, unresolved_since)
                values (?, ?, ?, ?, ?)
                """, order, "comanda-order-" + order, firstUsed, unresolved,
                unresolved == null ? null : Timestamp.from(Instant.now()));
        return order;
    }

    private static void payment(UUID order) {
        TestDatabase.update("""
                insert into payment (id, order_id, customer_id, amount, currency, status, provider_reference, created_at)
                values (?, ?, 'retention-it', 890, 'EUR', 'SUCCEEDED', 'pi_retention_it', now())
                """, UUID.randomUUID(), order);
    }

    private static boolean exists(UUID order) {
        return TestDatabase.count("select count(*) from charge_attempt where order_id = ?", order) == 1;
    }
}
