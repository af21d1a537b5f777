package io.comanda.notifications.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;
import io.comanda.notifications.mail.MailSender;
import io.comanda.notifications.mail.NotificationMetrics;
import io.comanda.notifications.mail.OrderMail;
import io.comanda.notifications.mail.OrderMailRenderer;
import io.comanda.notifications.persistence.NotificationRepository;
import io.comanda.notifications.persistence.OrderSummaryRepository;
import io.comanda.platform.inbox.ConsumerTransaction;
import io.comanda.platform.logging.UntrustedText;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Sends at most one mail per order event, and records it:
 * <ol>
 *   <li>a placement's lines are kept first (the later mails need them), whatever happens to its mail;</li>
 *   <li>an event already recorded is done (a redelivery);</li>
 *   <li>the recipient comes from the identity provider; nobody to write to is recorded as skipped;</li>
 *   <li>the mail is sent, then one consumer transaction records the event in the inbox and the notification.</li>
 * </ol>
 * A crash between the SMTP server's acceptance and that transaction sends the mail once more on
 * redelivery, with the same Message-ID. Any failure is left to the consumer's retries.
 */
@ApplicationScoped
public class OrderNotifier {

    public static final String CONSUMER = "notifications-service";
    private static final Logger LOG = Logger.getLogger(OrderNotifier.class);

    private final OrderSummaryRepository summaries;
    private final NotificationRepository notifications;
    private final ConsumerTransaction transaction;
    private final RecipientDirectory directory;
    private final OrderMailRenderer renderer;
    private final MailSender sender;
    private final NotificationMetrics metrics;

    public OrderNotifier(OrderSummaryRepository summaries, NotificationRepository notifications,
                         ConsumerTransaction transaction, RecipientDirectory directory, OrderMailRenderer renderer,
                         MailSender sender, NotificationMetrics metrics) {
        this.summaries = summaries;
        this.notifications = notifications;
        this.transaction = transaction;
        this.directory = directory;
        this.renderer = renderer;
        this.sender = sender;
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
                ? Panache.withTransaction(() -> summaries.keep(OrderSummary.of(placed)))
                : Uni.createFrom().voidItem();
        return remembered
                .chain(() -> Panache.withSession(() -> notifications.findById(eventId)))
                .chain(done -> done != null ? Uni.createFrom().voidItem() : mail(context, eventId, event, kind));
    }

    private Uni<Void> mail(Context context, UUID eventId, ComandaEvent event, MailKind kind) {
        UUID orderId = UUID.fromString(event.aggregateId());
        String customerId = customerOf(event);
        return Panache.withSession(() -> summaries.findById(orderId))
                .onItem().ifNull().failWith(() -> new OrderNotYetKnownException(orderId))
                .chain(summary -> onContext(context, directory.lookUp(customerId))
                        .chain(lookup -> lookup instanceof RecipientLookup.Found found
                                ? send(context, eventId, event, kind, summary, found.recipient())
                                : skip(eventId, orderId, customerId, kind, ((RecipientLookup.Unreachable) lookup).reason())));
    }

    private Uni<Void> send(Context context, UUID eventId, ComandaEvent event, MailKind kind, OrderSummary summary,
                           Recipient recipient) {
        OrderMail mail = OrderMail.of(kind, recipient.name(), summary.orderId(), summary.items(), summary.total(),
                event instanceof OrderCancelled cancelled
                        ? DeclineReasons.inWords(cancelled.declineCode(), cancelled.reason()) : null);
        return onContext(context, sender.send(eventId, recipient, renderer.render(mail)))
                .onFailure().invoke(failure -> metrics.failed(kind.template()))
                .chain(() -> record(Notification.sent(eventId, summary.orderId(), customerOf(event), kind,
                        sender.messageId(eventId), now())))
                .invoke(() -> metrics.sent(kind.template()));
    }

    private Uni<Void> skip(UUID eventId, UUID orderId, String customerId, MailKind kind, String reason) {
        LOG.warnf("No %s mail for order %s (event %s): customer %s cannot be written to (%s)",
                kind.template(), orderId, eventId, UntrustedText.of(customerId), UntrustedText.of(reason));
        return record(Notification.skipped(eventId, orderId, customerId, kind, reason, now()))
                .invoke(() -> metrics.skipped(reason));
    }

    private Uni<Void> record(Notification notification) {
        return transaction.applyOnce(CONSUMER, notification.eventId(),
                () -> notifications.persist(notification).replaceWithVoid());
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

    // The mail client and the REST client complete on their own threads; Hibernate Reactive must be
    // used from this message's Vert.x context.
    private static <T> Uni<T> onContext(Context context, Uni<T> uni) {
        return uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
