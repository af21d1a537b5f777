package io.comanda.platform.retention;

import java.util.Optional;

/**
 * The outbox relay's replication slot as a purge finds it, and whether the purge must keep every
 * outbox row because of it.
 *
 * @param slot         the slot's name, or null when the service names none
 * @param exists       whether the database has a slot of that name
 * @param active       whether a relay streams from it
 * @param confirmedLsn the position the relay last confirmed, or null when it has confirmed none
 */
record RelaySlotState(String slot, boolean exists, boolean active, String confirmedLsn) {

    static RelaySlotState unnamed() {
        return new RelaySlotState(null, false, false, null);
    }

    static RelaySlotState missing(String slot) {
        return new RelaySlotState(slot, false, false, null);
    }

    /**
     * Why no outbox row may be deleted now, or empty when rows the slot has confirmed may be: a row is
     * known to be published only through a relay that streams and confirms.
     */
    Optional<String> holdsOutbox() {
        if (slot == null) {
            return Optional.of("no relay slot is configured (comanda.retention.outbox-relay-slot)");
        }
        if (!exists) {
            return Optional.of("the relay's replication slot " + slot + " does not exist");
        }
        if (!active) {
            return Optional.of("no relay streams from the replication slot " + slot);
        }
        if (confirmedLsn == null) {
            return Optional.of("the relay has confirmed no position of the replication slot " + slot);
        }
        return Optional.empty();
    }
}
