package io.comanda.notifications.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How notifications-service claims, identifies and keeps its mails ({@code comanda.notifications.*}). */
@ConfigMapping(prefix = "comanda.notifications")
public interface NotificationsConfig {

    /** The right-hand side of every mail's Message-ID, {@code <ce_id@domain>}. */
    String messageIdDomain();

    /**
     * Which instance this is, as the {@code claimed_by} column of a claim shows it (with a suffix per
     * start, so that a restarted instance never takes its predecessor's claims for its own).
     */
    String instance();

    /**
     * How long a claim keeps other instances from sending its mail. Past it, the claimant is taken for
     * dead and the mail is sent again, with the same Message-ID: longer than an SMTP exchange takes,
     * short enough that a mail held by a crashed instance is not late by much. A claim's age is read
     * on the clock of the instance that finds it: instances' clocks must agree to well within the lease.
     */
    @WithDefault("2M")
    Duration claimLease();

    /**
     * How long this process waits for the SMTP server to accept a mail before it gives the attempt up as
     * "may have gone out". Well under the lease ({@link ClaimTimings}): a send must be over, one way or
     * the other, before another instance may take the claim over.
     */
    @WithDefault("30s")
    Duration sendTimeout();

    /**
     * How often this process writes the sent marks that failed after the SMTP server accepted their mails;
     * {@link MailDelivery}'s schedule reads it, declared here so that the whole prefix is checked at start.
     */
    @WithDefault("5s")
    Duration unrecordedEvery();

    /**
     * How long a sender that took over an expired claim waits before it sends: time for the claim's former
     * holder, its database back, to write the sent mark of a mail it did send. At least two runs of
     * {@link #unrecordedEvery()}, shorter than the lease ({@link ClaimTimings}).
     */
    @WithDefault("15s")
    Duration takeoverWait();

    /**
     * How long a notification row is kept after it was last written. No shorter than the inbox's
     * ({@code comanda.retention.inbox}): both answer "was this event handled already?".
     */
    @WithDefault("30d")
    Duration retention();

    /**
     * How long the lines of a placed order are kept for its later mails, from its placement: far longer
     * than an order takes to be settled or cancelled. An outcome that comes later still finds no lines,
     * is retried, and is dead-lettered past its retries.
     */
    @WithDefault("90d")
    Duration orderSummaryRetention();
}
