package io.comanda.notifications.domain;

import java.time.Duration;
import java.time.Instant;

/** What a delivery of an order event does about its mail, decided from its claim. */
public enum ClaimDecision {
    /** Nobody may be sending it: claim it (again) and send it. */
    SEND,
    /** This process sent it and only its sent mark is missing: write the mark, send nothing. */
    RECORD,
    /** It is sent or skipped already. */
    DONE,
    /** Someone may be sending it right now: send nothing, try again later. */
    WAIT;

    /**
     * @param current  the event's claim, or null when none was written
     * @param claimant this process's name in claims
     * @param local    what this process knows of its own sending of the mail
     * @param now      the time now
     * @param lease    how long a claim by someone else keeps this process from sending
     */
    public static ClaimDecision of(MailClaim current, String claimant, LocalSend local, Instant now, Duration lease) {
        // What this process saw itself outranks any row: an accepted mail is never sent twice from here.
        if (local == LocalSend.ACCEPTED) {
            return current != null && current.state() != Notification.State.CLAIMED ? DONE : RECORD;
        }
        if (current == null) {
            return local == LocalSend.IN_FLIGHT ? WAIT : SEND;
        }
        if (current.state() != Notification.State.CLAIMED) {
            return DONE;
        }
        if (local == LocalSend.IN_FLIGHT) {
            return WAIT;
        }
        if (claimant.equals(current.claimedBy())) {
            // Its own earlier attempt failed before the SMTP server accepted the mail.
            return SEND;
        }
        return isExpired(current, now, lease) ? SEND : WAIT;
    }

    private static boolean isExpired(MailClaim claim, Instant now, Duration lease) {
        return claim.claimedAt() == null || !claim.claimedAt().plus(lease).isAfter(now);
    }
}
