package io.comanda.notifications.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;
import io.comanda.platform.logging.UntrustedText;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Sends one mail per order event, and records it:
 * <ol>
 *   <li>a placement's lines are kept first (the later mails need them), whatever happens to its mail;</li>
 *   <li>an event already recorded is done (a redelivery);</li>
 *   <li>the recipient comes from the identity provider; only its definite "no such user", "disabled" or
 *       "no address" is recorded as skipped, any other answer fails to be retried;</li>
 *   <li>the mail is claimed, sent and marked sent by {@link MailDelivery}, which says what window remains.</li>
 * </ol>
 * Any failure is left to the consumer's retries.
 */
@ApplicationScoped
public class OrderNotifier {

    public static final String CONSUMER = "notifications-service";
    private static final Logger LOG = Logger.getLogger(OrderNotifier.class);

    private final NotificationStore store;
    private final RecipientDirectory directory;
    private final MailDelivery delivery;
    private final NotificationMetrics metrics;

    public OrderNotifier(NotificationStore store, RecipientDirectory directory, MailDelivery delivery,
                         NotificationMetrics metrics) {
        this.store = store;
        this.directory = directory;
        this.delivery = delivery;
        this.metrics = metrics;
    }

    @WithSpan("notify customer")
    public Uni<Void> notify(UUID eventId, ComandaEvent event) {
        MailKind kind = kindOf(event);
        if (kind == null) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Uni<Void> remembered = event instanceof OrderPlaced placed
                ? store.keep(OrderSummary.of(placed))
                : Uni.createFrom().voidItem();
        return remembered
                .chain(() -> store.notified(eventId))
                .chain(done -> done ? Uni.createFrom().voidItem() : mail(context, eventId, event, kind));
    }

    private Uni<Void> mail(Context context, UUID eventId, ComandaEvent event, MailKind kind) {
        UUID orderId = UUID.fromString(event.aggregateId());
        String customerId = customerOf(event);
        return store.summary(orderId)
                .onItem().ifNull().failWith(() -> new OrderNotYetKnownException(orderId))
                .chain(summary -> MessageContext.backOn(context, directory.lookUp(customerId))
                        .chain(lookup -> lookup instanceof RecipientLookup.Found found
                                ? send(context, eventId, event, kind, summary, found.recipient())
                                : skip(eventId, orderId, customerId, kind, ((RecipientLookup.Unreachable) lookup).reason())));
    }

    private Uni<Void> send(Context context, UUID eventId, ComandaEvent event, MailKind kind, OrderSummary summary,
                           Recipient recipient) {
        String reason = event instanceof OrderCancelled cancelled
                ? DeclineReasons.inWords(cancelled.declineCode(), cancelled.reason()) : null;
        return delivery.deliver(context, new MailToSend(eventId, kind, summary, customerOf(event), recipient, reason));
    }

    private Uni<Void> skip(UUID eventId, UUID orderId, String customerId, MailKind kind, String reason) {
        LOG.warnf("No %s mail for order %s (event %s): customer %s cannot be written to (%s)",
                kind.template(), orderId, eventId, UntrustedText.of(customerId), UntrustedText.of(reason));
        return store.record(CONSUMER, Notification.skipped(eventId, orderId, customerId, kind, reason, now()))
                .invoke(() -> metrics.skipped(reason));
    }

    private static MailKind kindOf(ComandaEvent event) {
        if (event instanceof OrderPlaced) {
            return MailKind.RECEIVED;
        }
        if (event instanceof OrderConfirmed) {
            return MailKind.CONFIRMED;
        }
        return event instanceof OrderCancelled ? MailKind.CANCELLED : null;
    }

    private static String customerOf(ComandaEvent event) {
        return OrderStatusChange.of(event).orElseThrow().customerId();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
