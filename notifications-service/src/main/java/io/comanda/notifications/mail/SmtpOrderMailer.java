package io.comanda.notifications.mail;

import io.comanda.notifications.domain.MailKind;
import io.comanda.notifications.domain.OrderMailer;
import io.comanda.notifications.domain.OrderSummary;
import io.comanda.notifications.domain.Recipient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Order mails rendered from their templates and sent over SMTP. */
@ApplicationScoped
public class SmtpOrderMailer implements OrderMailer {

    private final OrderMailRenderer renderer;
    private final MailSender sender;

    public SmtpOrderMailer(OrderMailRenderer renderer, MailSender sender) {
        this.renderer = renderer;
        this.sender = sender;
    }

    @Override
    public Uni<Void> send(UUID eventId, Recipient recipient, MailKind kind, OrderSummary summary, String reason) {
        OrderMail mail = OrderMail.of(kind, recipient.name(), summary.orderId(), summary.items(), summary.total(),
                reason);
        return sender.send(eventId, recipient, renderer.render(mail));
    }

    @Override
    public String messageId(UUID eventId) {
        return sender.messageId(eventId);
    }
}
