package io.comanda.notifications.mail;

import io.comanda.notifications.domain.MailKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Renders an {@link OrderMail} with its Qute templates {@code mail/<kind>.txt} and
 * {@code mail/<kind>.html} (HTML escaped by Qute, text not).
 */
@ApplicationScoped
public class OrderMailRenderer {

    private static final Map<MailKind, String> SUBJECTS = Map.of(
            MailKind.RECEIVED, "We received your order %s",
            MailKind.CONFIRMED, "Your order %s is confirmed",
            MailKind.CANCELLED, "Your order %s was cancelled");

    private final Engine engine;

    public OrderMailRenderer(Engine engine) {
        this.engine = engine;
    }

    public RenderedMail render(OrderMail mail) {
        String subject = SUBJECTS.get(mail.kind()).formatted(mail.shortOrderId());
        return new RenderedMail(subject, part(mail, "txt"), part(mail, "html"));
    }

    private String part(OrderMail mail, String suffix) {
        String id = "mail/" + mail.kind().template() + "." + suffix;
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no template " + id);
        }
        return template.data("mail", mail).render();
    }
}
