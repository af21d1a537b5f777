package io.comanda.orders;

import io.comanda.platform.deadletters.DeadLetter;
import io.comanda.platform.deadletters.DiscardCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A discard check as a service writes one, for {@link FlaggedDeadLetterDiscardIT}: it applies to
 * orders-service's dead letters only while a test turns it on, and finds no effect for the keys the test
 * cleared, as payments-service's check finds no charge at Stripe. orders-service itself parks no flagged
 * dead letters, so it changes nothing for the other tests.
 */
@ApplicationScoped
public class CheckedEffects implements DiscardCheck {

    static final String GROUP = "orders-service";

    private static final Set<String> CLEARED = ConcurrentHashMap.newKeySet();
    private static volatile boolean on;

    static void turnOn() {
        on = true;
    }

    static void turnOff() {
        on = false;
    }

    /** The effect of the dead letters with this key did not happen. */
    static void clear(String key) {
        CLEARED.add(key);
    }

    static String refusalFor(String key) {
        return "The test's provider holds a charge for " + key + ": refund it first.";
    }

    @Override
    public boolean appliesTo(String consumerGroup) {
        return on && GROUP.equals(consumerGroup);
    }

    @Override
    public Optional<String> refusal(DeadLetter letter) {
        return CLEARED.contains(letter.key()) ? Optional.empty() : Optional.of(refusalFor(letter.key()));
    }
}
