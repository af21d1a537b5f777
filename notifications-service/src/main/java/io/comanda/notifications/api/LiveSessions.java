package io.comanda.notifications.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.notifications.domain.OrderStatusChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Pushes a status change to the live sessions of this instance that may see it: its customer's and
 * admins'. Counts {@code comanda_websocket_messages_pushed_total} and reports
 * {@code comanda_websocket_sessions_open}.
 */
@ApplicationScoped
public class LiveSessions {

    private static final Logger LOG = Logger.getLogger(LiveSessions.class);

    private final OpenConnections connections;
    private final ObjectMapper json;
    private final Counter pushed;

    public LiveSessions(OpenConnections connections, ObjectMapper json, MeterRegistry registry) {
        this.connections = connections;
        this.json = json;
        this.pushed = registry.counter("comanda.websocket.messages.pushed");
        Gauge.builder("comanda.websocket.sessions.open", connections, open -> open.listAll().size())
                .register(registry);
    }

    public void push(OrderStatusChange change) {
        String message = text(LiveStatusMessage.of(change));
        for (WebSocketConnection connection : connections) {
            if (connection.isOpen() && change.isVisibleTo(connection.userData().get(OrderLiveEndpoint.SUBJECT),
                    Boolean.TRUE.equals(connection.userData().get(OrderLiveEndpoint.ADMIN)))) {
                connection.sendText(message).subscribe().with(sent -> pushed.increment(),
                        failure -> LOG.debugf("live session %s missed a status: %s", connection.id(), failure));
            }
        }
    }

    private String text(LiveStatusMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a live status message", e);
        }
    }
}
