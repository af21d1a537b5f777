package io.comanda.platform.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a dead letter may be discarded, and how: a plain one may; a flagged one, after which an effect
 * that cannot be undone may exist, only when the checks that apply to its group all find no effect, or an
 * operator forces it. A forced discard asks no check: the operator forces it when a check cannot answer.
 */
sealed interface DiscardDecision {

    /** A plain dead letter: nothing may have happened that discarding it would hide. */
    record Unflagged() implements DiscardDecision {
    }

    /** A flagged dead letter whose checks all found that the effect did not happen. */
    record Checked() implements DiscardDecision {
    }

    /** A flagged dead letter discarded on the operator's word. */
    record Forced(String effect) implements DiscardDecision {
    }

    /** A flagged dead letter that stays: {@code detail} says why and what to do. */
    record Refused(String detail) implements DiscardDecision {
    }

    static DiscardDecision of(DeadLetter letter, Iterable<DiscardCheck> checks, boolean force) {
        Optional<String> effect = letter.effectMayExist();
        if (effect.isEmpty()) {
            return new Unflagged();
        }
        if (force) {
            return new Forced(effect.get());
        }
        String flagged = "Dead letter " + letter.id() + " is flagged: " + effect.get().replaceAll("[.\\s]+$", "")
                + ". ";
        String orForce = " Or, once you know, discard it with force=true and reason=<why>.";
        List<DiscardCheck> applying = applying(checks, letter.group());
        if (applying.isEmpty()) {
            return new Refused(flagged + "No check of " + letter.group() + " can tell whether it happened: find "
                    + "out (e.g. at the provider) and settle it, or replay the dead letter." + orForce);
        }
        for (DiscardCheck check : applying) {
            Optional<String> refusal;
            try {
                refusal = check.refusal(letter);
            } catch (RuntimeException e) {
                return new Refused(flagged + "Its check could not tell whether it happened (" + e.getMessage()
                        + "): try again later." + orForce);
            }
            if (refusal.isPresent()) {
                return new Refused(flagged + refusal.get() + orForce);
            }
        }
        return new Checked();
    }

    private static List<DiscardCheck> applying(Iterable<DiscardCheck> checks, String group) {
        List<DiscardCheck> applying = new ArrayList<>();
        checks.forEach(check -> {
            if (check.appliesTo(group)) {
                applying.add(check);
            }
        });
        return applying;
    }
}
