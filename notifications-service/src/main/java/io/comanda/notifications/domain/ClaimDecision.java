package io.comanda.notifications.domain;

import java.time.Duration;
import java.time.Instant;

/** What a delivery of an order event does about its mail, decided from its claim. */
public enum ClaimDecision {
    /** Nobody may be sending it: claim it (again) and send it. */
    SEND,
    /**
     * Another sender's claim has expired: claim it for this process and send nothing yet. Its former
     * holder may have sent the mail and only failed to mark it; it gets {@code takeover-wait} to write that
     * mark before a later attempt here sends.
     */
    TAKE_OVER,
    /** This process sent it and only its sent mark is missing: write the mark, send nothing. */
    RECORD,
    /** It is sent or skipped already. */
    DONE,
    /** Someone (this process included) may be sending it, or may have: send nothing, try again later. */
    WAIT;

    /** Whether the delivery writes its claim over the row (the claim's time is then the delivery's). */
    public boolean writesClaim() {
        return this == SEND || this == TAKE_OVER;
    }

    /**
     * @param current  the event's claim, or null when none was written
     * @param claimant this process's name in claims
     * @param local    what this process knows of its own sending of the mail
     * @param now      the time now
     * @param timings  the claim's lease and the takeover's wait
     */
    public static ClaimDecision of(MailClaim current, String claimant, LocalSend local, Instant now,
                                   ClaimTimings timings) {
        // What this process saw itself outranks any row: an accepted mail is never sent twice from here.
        if (local.stage() == LocalSend.Stage.ACCEPTED) {
            return current != null && current.state() != Notification.State.CLAIMED ? DONE : RECORD;
        }
        if (current == null) {
            return local.sending() ? WAIT : SEND;
        }
        if (current.state() != Notification.State.CLAIMED) {
            return DONE;
        }
        if (local.stage() == LocalSend.Stage.IN_FLIGHT) {
            return WAIT;
        }
        if (claimant.equals(current.claimedBy())) {
            return ofOwnClaim(current, local, now, timings);
        }
        return olderThan(current, now, timings.lease()) ? TAKE_OVER : WAIT;
    }

    private static ClaimDecision ofOwnClaim(MailClaim current, LocalSend local, Instant now, ClaimTimings timings) {
        return switch (local.stage()) {
            // The send may still be accepted (and then marked from here): nothing new before the lease is over.
            case TIMED_OUT -> olderThan(current, now, timings.lease()) ? SEND : WAIT;
            // Sent only on the claim this process took over, once the former holder has had time to mark it.
            case TAKEN_OVER -> current.claimedAt() != null && current.claimedAt().equals(local.claimedAt())
                    && olderThan(current, now, timings.takeoverWait()) ? SEND : WAIT;
            // Its own earlier attempt failed before the SMTP server accepted the mail.
            default -> SEND;
        };
    }

    private static boolean olderThan(MailClaim claim, Instant now, Duration age) {
        return claim.claimedAt() == null || !claim.claimedAt().plus(age).isAfter(now);
    }
}
