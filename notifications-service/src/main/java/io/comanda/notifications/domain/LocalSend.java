package io.comanda.notifications.domain;

import java.time.Instant;

/**
 * What this process itself knows of its sending of one mail, which no row can say after a failed write.
 *
 * @param claimedAt the time of the claim this process wrote for it, or null for {@link Stage#NONE}
 */
public record LocalSend(Stage stage, Instant claimedAt) {

    public enum Stage {
        /** Nothing: not sent from here, or the attempt failed before the SMTP server accepted it. */
        NONE,
        /** This process took over another sender's expired claim and sends nothing before its wait is over. */
        TAKEN_OVER,
        /** Being sent from here right now. */
        IN_FLIGHT,
        /** The SMTP server did not answer within the send timeout: the mail may have gone out, or still go. */
        TIMED_OUT,
        /** The SMTP server accepted it from here, and its sent mark is not written yet. */
        ACCEPTED
    }

    public static final LocalSend NONE = new LocalSend(Stage.NONE, null);

    public static LocalSend of(Stage stage, Instant claimedAt) {
        return new LocalSend(stage, claimedAt);
    }

    /** Whether a send from here may still be accepted: no other delivery here may start one. */
    boolean sending() {
        return stage == Stage.IN_FLIGHT || stage == Stage.TIMED_OUT;
    }
}
