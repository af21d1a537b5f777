package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.DeadLetters;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The headers of a replayed record: the original ones (CloudEvents attributes, {@code traceparent}) without
 * what the failure added, so the consumer sees the record as it first came, with a fresh retry budget, and
 * the replay count, so a record that fails again carries it onto its next dead letter, as it carries the
 * flag that an effect may exist.
 */
public final class ReplayHeaders {

    /** How often an operator has replayed the record; carried onto a dead letter when it fails again. */
    public static final String REPLAY_COUNT = "comanda-replay-count";

    // The platform's and SmallRye's dead-letter headers, and SmallRye's delayed-retry ones.
    private static final String DEAD_LETTER_PREFIX = "dead-letter-";
    private static final String DELAYED_RETRY_PREFIX = "delayed-retry-";

    private ReplayHeaders() {
    }

    /** The replay count a record's headers carry: 0 when none, or one that is not a number. */
    public static int replayCount(Headers headers) {
        Header header = headers.lastHeader(REPLAY_COUNT);
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8).strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * @return the headers to send the dead letter back with, replay count {@code replayCount}, and the flag
     *         that an effect may exist when the dead letter had it ({@link DeadLetters#CARRIED_EFFECT_MAY_EXIST})
     */
    public static Headers forReplay(Headers deadLetter, int replayCount) {
        RecordHeaders replay = new RecordHeaders();
        for (Header header : deadLetter) {
            if (!isFailureHeader(header.key())) {
                replay.add(header);
            }
        }
        replay.add(REPLAY_COUNT, Integer.toString(replayCount).getBytes(StandardCharsets.UTF_8));
        Header flag = deadLetter.lastHeader(DeadLetters.EFFECT_MAY_EXIST);
        Header carried = flag != null ? flag : deadLetter.lastHeader(DeadLetters.CARRIED_EFFECT_MAY_EXIST);
        if (carried != null) {
            replay.add(DeadLetters.CARRIED_EFFECT_MAY_EXIST, carried.value());
        }
        return replay;
    }

    static boolean isFailureHeader(String name) {
        return name.startsWith(DEAD_LETTER_PREFIX) || name.startsWith(DELAYED_RETRY_PREFIX) || REPLAY_COUNT.equals(name)
                || DeadLetters.CARRIED_EFFECT_MAY_EXIST.equals(name);
    }
}
