package io.comanda.payments.domain;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where each order's charge attempt is kept, so a retry after a crash charges under the same key. */
public interface ChargeAttemptStore {

    /** Records a first attempt for each order that has none, and answers every order's attempt. */
    Uni<Map<UUID, ChargeAttempt>> begin(List<UUID> orderIds, Instant now);

    /** Stores the attempts that changed. */
    Uni<Void> note(List<ChargeAttempt> changed);
}
