package io.comanda.notifications.mail;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.notifications.domain.MailKind;
import io.quarkus.qute.TemplateData;

import java.util.List;
import java.util.UUID;

/**
 * What one mail says, ready for its templates: amounts already in words.
 *
 * @param name   how to greet the customer
 * @param reason why the order was cancelled, in words; null otherwise
 */
@TemplateData
public record OrderMail(MailKind kind, String name, String orderId, List<Line> lines, String total, String reason) {

    public static OrderMail of(MailKind kind, String name, UUID orderId, List<LineItem> items, Money total,
                               String reason) {
        List<Line> lines = items.stream().map(item -> new Line(item.sku(), item.quantity(),
                MoneyText.of(item.unitPrice()), MoneyText.of(item.lineTotal()))).toList();
        return new OrderMail(kind, name, orderId.toString(), lines, MoneyText.of(total), reason);
    }

    /** The order number as customers see it in a subject line. */
    public String shortOrderId() {
        return orderId.substring(0, 8);
    }

    /** One order line in a mail. */
    @TemplateData
    public record Line(String sku, int quantity, String unitPrice, String lineTotal) {
    }
}
