package io.comanda.notifications.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code comanda_notifications_sent_total{template}}, {@code ..._failed_total{template}} (an attempt
 * that will be retried) and {@code ..._skipped_total{reason}}.
 */
@ApplicationScoped
public class NotificationMetrics {

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(String template) {
        registry.counter("comanda.notifications.sent", "template", template).increment();
    }

    public void failed(String template) {
        registry.counter("comanda.notifications.failed", "template", template).increment();
    }

    public void skipped(String reason) {
        registry.counter("comanda.notifications.skipped", "reason", reason).increment();
    }
}
