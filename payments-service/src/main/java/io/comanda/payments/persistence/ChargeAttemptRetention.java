package io.comanda.payments.persistence;

import io.comanda.payments.domain.PaymentsConfig;
import io.comanda.platform.retention.RetainedTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Charge attempts are forgotten once settled and old ({@code comanda.payments.charge-attempt-retention}
 * after their key's first use, 30 days): the platform's retention purge deletes them with the outbox and
 * inbox rows. Only an attempt whose payment is recorded and that is not unresolved goes: one still
 * unresolved is what its background resolution works from, and one without a payment may be a charge in
 * flight.
 */
@Singleton
public class ChargeAttemptRetention {

    static final String SETTLED = "unresolved is null"
            + " and exists (select 1 from payment p where p.order_id = charge_attempt.order_id)";

    @Produces
    @Singleton
    RetainedTable settledChargeAttempts(PaymentsConfig config) {
        return new RetainedTable("charge_attempt", "key_first_used_at", config.chargeAttemptRetention()).onlyWhere(SETTLED);
    }
}
