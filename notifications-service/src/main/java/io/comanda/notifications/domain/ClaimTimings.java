package io.comanda.notifications.domain;

import java.time.Duration;

/**
 * The times that keep a mail from being sent twice, checked together at start: a send is over (accepted,
 * refused or given up) well within the claim's lease, and a takeover waits long enough for the former
 * claimant to write the sent mark of a mail it did send.
 *
 * @param lease           how long a claim keeps other senders away
 * @param sendTimeout     how long a send may take before it is given up as "may have gone out"
 * @param unrecordedEvery how often a sender writes the sent marks that failed after its mails were accepted
 * @param takeoverWait    how long a sender that took over an expired claim waits before it sends
 */
public record ClaimTimings(Duration lease, Duration sendTimeout, Duration unrecordedEvery, Duration takeoverWait) {

    public ClaimTimings {
        // The other half of the lease covers the moment between a claim's commit and its send, and the
        // instances' clocks, on which a claim's age is read, disagreeing.
        require(lease.compareTo(sendTimeout.multipliedBy(2)) >= 0,
                "claim-lease (" + lease + ") must be at least twice send-timeout (" + sendTimeout + ")");
        // Two runs: whatever the phase of its schedule, the former claimant runs once in full in between.
        require(takeoverWait.compareTo(unrecordedEvery.multipliedBy(2)) >= 0,
                "takeover-wait (" + takeoverWait + ") must be at least twice unrecorded-every (" + unrecordedEvery + ")");
        require(takeoverWait.compareTo(lease) < 0,
                "takeover-wait (" + takeoverWait + ") must be shorter than claim-lease (" + lease + ")");
    }

    public static ClaimTimings of(NotificationsConfig config) {
        return new ClaimTimings(config.claimLease(), config.sendTimeout(), config.unrecordedEvery(),
                config.takeoverWait());
    }

    private static void require(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalArgumentException("comanda.notifications: " + otherwise);
        }
    }
}
