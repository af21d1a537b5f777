package io.comanda.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The mails this process is sending, or has had accepted by the SMTP server without its sent mark
 * written yet: what lets a redelivery here tell "my attempt failed before the server took it" (send
 * again) from "the server took it, my mark failed" (only mark it), and what this process still has to
 * mark. Bounded: the oldest entries go first, and an entry lost that way only turns a redelivery into
 * one that follows the claim's lease.
 */
@ApplicationScoped
public class LocalSends {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(LocalSend state, MailToSend mail) {
    }

    private final Map<UUID, Entry> sends = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public synchronized LocalSend of(UUID eventId) {
        Entry entry = sends.get(eventId);
        return entry == null ? LocalSend.NONE : entry.state();
    }

    public synchronized void inFlight(MailToSend mail) {
        sends.put(mail.eventId(), new Entry(LocalSend.IN_FLIGHT, mail));
    }

    public synchronized void accepted(MailToSend mail) {
        sends.put(mail.eventId(), new Entry(LocalSend.ACCEPTED, mail));
    }

    /** The attempt failed before acceptance, or the mail is recorded: nothing more to know here. */
    public synchronized void forget(UUID eventId) {
        sends.remove(eventId);
    }

    /** The mails the SMTP server accepted from here whose sent mark is not written yet, oldest first. */
    public synchronized List<MailToSend> unrecorded() {
        return sends.values().stream().filter(entry -> entry.state() == LocalSend.ACCEPTED).map(Entry::mail).toList();
    }
}
