package io.comanda.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The mails this process is sending, has given up waiting for, has had accepted by the SMTP server
 * without its sent mark written yet, or has taken over from an expired claim: what lets a redelivery here
 * tell "my attempt failed before the server took it" (send again) from "the server took it, my mark
 * failed" (only mark it), and what this process still has to mark. Nothing is evicted to make room: a
 * forgotten accepted mail would be sent again by whoever takes its claim over. Instead, at
 * {@link #MAX_ENTRIES} this process claims no new mail until its marks are written; entries that only
 * hold a claim's time go once the lease has run out, when the claim decides without them.
 */
@ApplicationScoped
public class LocalSends {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(LocalSend send, MailToSend mail) {
    }

    private final Map<UUID, Entry> sends = new LinkedHashMap<>();

    public synchronized LocalSend of(UUID eventId) {
        Entry entry = sends.get(eventId);
        return entry == null ? LocalSend.NONE : entry.send();
    }

    /** Whether this process holds so many mails that it must claim no new one until its marks are written. */
    public synchronized boolean full() {
        return sends.size() >= MAX_ENTRIES;
    }

    public synchronized void takenOver(MailToSend mail, Instant claimedAt) {
        put(mail, LocalSend.Stage.TAKEN_OVER, claimedAt);
    }

    public synchronized void inFlight(MailToSend mail, Instant claimedAt) {
        put(mail, LocalSend.Stage.IN_FLIGHT, claimedAt);
    }

    /** The send claimed at {@code claimedAt} got no answer in time, unless an answer came meanwhile. */
    public synchronized void timedOut(UUID eventId, Instant claimedAt) {
        Entry entry = sends.get(eventId);
        if (entry != null && entry.send().equals(LocalSend.of(LocalSend.Stage.IN_FLIGHT, claimedAt))) {
            put(entry.mail(), LocalSend.Stage.TIMED_OUT, claimedAt);
        }
    }

    /** The SMTP server accepted the mail, however late: it is to be marked, and never sent again from here. */
    public synchronized void accepted(MailToSend mail, Instant claimedAt) {
        put(mail, LocalSend.Stage.ACCEPTED, claimedAt);
    }

    /** The send claimed at {@code claimedAt} failed before acceptance, unless a later attempt is under way. */
    public synchronized void failed(UUID eventId, Instant claimedAt) {
        Entry entry = sends.get(eventId);
        if (entry != null && entry.send().sending() && claimedAt.equals(entry.send().claimedAt())) {
            sends.remove(eventId);
        }
    }

    /** The mail is recorded: nothing more to know here. */
    public synchronized void forget(UUID eventId) {
        sends.remove(eventId);
    }

    /** The mails the SMTP server accepted from here whose sent mark is not written yet, oldest first. */
    public synchronized List<MailToSend> unrecorded() {
        return sends.values().stream().filter(entry -> entry.send().stage() == LocalSend.Stage.ACCEPTED)
                .map(Entry::mail).toList();
    }

    /**
     * Forgets the takeovers and timed-out sends whose claims are older than {@code lease}: past it, their
     * claims are decided without them. Accepted mails stay until they are marked.
     */
    public synchronized void expire(Instant now, Duration lease) {
        sends.values().removeIf(entry -> {
            LocalSend send = entry.send();
            return (send.stage() == LocalSend.Stage.TAKEN_OVER || send.stage() == LocalSend.Stage.TIMED_OUT)
                    && !send.claimedAt().plus(lease).isAfter(now);
        });
    }

    private void put(MailToSend mail, LocalSend.Stage stage, Instant claimedAt) {
        // Removed first, so that the map's order stays the order of the latest change: oldest marks first.
        sends.remove(mail.eventId());
        sends.put(mail.eventId(), new Entry(LocalSend.of(stage, claimedAt), mail));
    }
}
