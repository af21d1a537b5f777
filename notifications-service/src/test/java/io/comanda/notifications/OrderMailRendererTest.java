package io.comanda.notifications;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.notifications.domain.MailKind;
import io.comanda.notifications.mail.OrderMail;
import io.comanda.notifications.mail.OrderMailRenderer;
import io.comanda.notifications.mail.RenderedMail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail templates as they ship, rendered by a plain Qute engine. */
class OrderMailRendererTest {

    private static final UUID ORDER = UUID.fromString("3f0e4b52-8c1d-4a5e-9b7e-2f6a1c0d9e11");
    private static final List<LineItem> LINES = List.of(
            new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR")),
            new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR")));

    private final OrderMailRenderer renderer = new OrderMailRenderer(engine());

    @Test
    void receivedMailListsTheItemsAndTotalAndSaysTheCardIsBeingCharged() {
        RenderedMail mail = renderer.render(OrderMail.of(MailKind.RECEIVED, "Alice", ORDER, LINES, Money.of(6048, "EUR"), null));

        assertThat(mail.subject()).isEqualTo("We received your order 3f0e4b52");
        assertThat(mail.text()).contains("Hello Alice", ORDER.toString(), "2 x ESPRESSO-250G at 12.99 EUR: 25.98 EUR",
                "1 x MOKA-POT-3 at 34.50 EUR: 34.50 EUR", "Total: 60.48 EUR", "We are charging your card");
        assertThat(mail.html()).contains("<td>ESPRESSO-250G</td>", "<strong>60.48 EUR</strong>", "We are charging your card");
    }

    @Test
    void confirmedMailStatesTheTotalPaid() {
        RenderedMail mail = renderer.render(OrderMail.of(MailKind.CONFIRMED, "Alice", ORDER, LINES, Money.of(6048, "EUR"), null));

        assertThat(mail.subject()).isEqualTo("Your order 3f0e4b52 is confirmed");
        assertThat(mail.text()).contains("Total paid: 60.48 EUR", "MOKA-POT-3");
        assertThat(mail.html()).contains("Total paid: <strong>60.48 EUR</strong>");
    }

    @Test
    void cancelledMailGivesTheReasonInWords() {
        RenderedMail mail = renderer.render(OrderMail.of(MailKind.CANCELLED, "Bob", ORDER, LINES, Money.of(6048, "EUR"),
                "your card was declined: insufficient funds"));

        assertThat(mail.subject()).isEqualTo("Your order 3f0e4b52 was cancelled");
        assertThat(mail.text()).contains("was cancelled because your card was declined: insufficient funds.",
                "Nothing was charged");
        assertThat(mail.html()).contains("because your card was declined: insufficient funds.");
    }

    @Test
    void htmlPartEscapesWhatCustomersControlButTheTextPartDoesNot() {
        RenderedMail mail = renderer.render(OrderMail.of(MailKind.RECEIVED, "<Eve & Co>", ORDER, LINES,
                Money.of(6048, "EUR"), null));

        assertThat(mail.html()).contains("Hello &lt;Eve &amp; Co&gt;").doesNotContain("<Eve");
        assertThat(mail.text()).contains("Hello <Eve & Co>");
    }

    /** Templates from {@code templates/} on the classpath, HTML escaped by suffix as Quarkus does. */
    private static Engine engine() {
        TemplateLocator classpath = id -> Optional.ofNullable(
                OrderMailRendererTest.class.getClassLoader().getResource("templates/" + id)).map(url -> new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                try {
                    return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(new Variant(null, id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN,
                        "UTF-8"));
            }
        });
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(classpath).build();
    }
}
