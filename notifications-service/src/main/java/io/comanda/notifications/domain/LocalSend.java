package io.comanda.notifications.domain;

/** What this process itself knows of its sending of one mail, which no row can say after a failed write. */
public enum LocalSend {
    /** Nothing: not sent from here, or the attempt failed before the SMTP server accepted it. */
    NONE,
    /** Being sent from here right now. */
    IN_FLIGHT,
    /** The SMTP server accepted it from here, and its sent mark is not written yet. */
    ACCEPTED
}
