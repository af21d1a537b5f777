package io.comanda.platform.deadletters;

import java.util.Optional;

/**
 * A dead letter as the index holds it: the record, how often operators replayed it (the index's count,
 * which a replay raises before the record can come back with it), where it stands, and how it was resolved.
 */
public record IndexedDeadLetter(DeadLetter letter, int replayCount, Status status, Optional<Resolution> resolution) {

    public enum Status {
        WAITING, REPLAYING, REPLAYED, DISCARDED, SETTLED
    }
}
