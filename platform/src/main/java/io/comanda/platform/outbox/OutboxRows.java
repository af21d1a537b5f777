package io.comanda.platform.outbox;

import io.comanda.events.ComandaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the outbox rows of this service's events: each stamped with the service as {@code ce_source}
 * and with the current correlation id and trace context. The caller writes the row with
 * {@link OutboxRow#insert(int)} in the statement, and so the transaction, of the change it announces.
 */
@ApplicationScoped
public class OutboxRows {

    private final String source;

    public OutboxRows(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/comanda/" + applicationName;
    }

    /** The outbox row announcing {@code event} from this service. */
    public OutboxRow row(ComandaEvent event) {
        return OutboxRow.of(event, source);
    }
}
