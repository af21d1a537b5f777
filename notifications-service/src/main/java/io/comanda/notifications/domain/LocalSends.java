package io.comanda.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The mails this process is sending, or has had accepted by the SMTP server without its sent mark
 * written yet: what lets a redelivery here tell "my attempt failed before the server took it" (send
 * again) from "the server took it, my mark failed" (only mark it). Bounded: the oldest entries go first,
 * and an entry lost that way only turns a redelivery here into one that follows the claim's lease.
 */
@ApplicationScoped
public class LocalSends {

    static final int MAX_ENTRIES = 10_000;

    private final Map<UUID, LocalSend> sends = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, LocalSend> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public synchronized LocalSend of(UUID eventId) {
        return sends.getOrDefault(eventId, LocalSend.NONE);
    }

    public synchronized void inFlight(UUID eventId) {
        sends.put(eventId, LocalSend.IN_FLIGHT);
    }

    public synchronized void accepted(UUID eventId) {
        sends.put(eventId, LocalSend.ACCEPTED);
    }

    /** The attempt failed before acceptance, or the mail is recorded: nothing more to know here. */
    public synchronized void forget(UUID eventId) {
        sends.remove(eventId);
    }
}
