package io.comanda.notifications.mail;

import io.comanda.notifications.domain.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * Sends a rendered mail over SMTP with a {@code Message-ID} derived from the event it answers, so a mail
 * sent again for the same event (after a crash before it was recorded) is recognisably the same message.
 */
@ApplicationScoped
public class MailSender {

    private final ReactiveMailer mailer;
    private final String messageIdDomain;

    public MailSender(ReactiveMailer mailer,
                      @ConfigProperty(name = "comanda.notifications.message-id-domain") String messageIdDomain) {
        this.mailer = mailer;
        this.messageIdDomain = messageIdDomain;
    }

    /** The Message-ID of the mail about event {@code eventId}. */
    public String messageId(UUID eventId) {
        return "<" + eventId + "@" + messageIdDomain + ">";
    }

    /** Completes when the SMTP server has accepted the mail; fails when it cannot be reached or refuses it. */
    public Uni<Void> send(UUID eventId, Recipient recipient, RenderedMail mail) {
        Mail message = new Mail()
                .addTo(recipient.address())
                .setSubject(mail.subject())
                .setText(mail.text())
                .setHtml(mail.html())
                .addHeader("Message-ID", messageId(eventId));
        return mailer.send(message);
    }
}
