package io.comanda.platform.messaging;

import io.comanda.events.ComandaEvent;

import java.util.UUID;

/**
 * An event read from Kafka with its CloudEvents attributes.
 *
 * @param id            {@code ce_id}, the key every consumer deduplicates by
 * @param type          {@code ce_type}
 * @param correlationId {@code ce_correlationid}, or null
 * @param event         the typed data
 */
public record IncomingEvent(UUID id, String type, String correlationId, ComandaEvent event) {
}
