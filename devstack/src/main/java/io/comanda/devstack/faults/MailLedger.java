package io.comanda.devstack.faults;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the mails a soak drained from the customer's mailbox, and those sent twice: a mail is a
 * duplicate when its {@code Message-ID} was seen before, or when it says the same thing about the same
 * order as one seen before (a second "your order is confirmed"), whatever its Message-ID. The order is
 * the id its text names; what it says is its subject with the order's short number taken out, so that
 * each kind of mail ({@code We received your order #}) counts apart.
 */
final class MailLedger {

    private static final Pattern ORDER_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int SHORT_ORDER_ID = 8;

    private final Set<String> messageIds = new HashSet<>();
    private final Set<String> orderMails = new HashSet<>();
    private final Map<String, Set<String>> kindsByOrder = new HashMap<>();
    private long mails;
    private long sameMessageId;
    private long sameOrderMail;
    private long duplicates;
    private long unattributed;

    /** Counts one mail: its {@code Message-ID} header (null when absent), subject and plain text. */
    void add(String messageId, String subject, String text) {
        mails++;
        boolean again = false;
        if (messageId != null && !messageIds.add(messageId)) {
            sameMessageId++;
            again = true;
        }
        Matcher order = ORDER_ID.matcher(text == null ? "" : text);
        if (order.find()) {
            String id = order.group();
            String kind = subject == null ? "" : subject.replace(id.substring(0, SHORT_ORDER_ID), "#");
            kindsByOrder.computeIfAbsent(id, key -> new HashSet<>()).add(kind);
            if (!orderMails.add(id + " " + kind)) {
                sameOrderMail++;
                again = true;
            }
        } else {
            unattributed++;
        }
        duplicates += again ? 1 : 0;
    }

    /**
     * Of {@code orderIds}, those with fewer kinds of mail than {@code kinds}: an order's customer is mailed
     * once when it is received and once when it is final, so a final order without both lost a mail.
     */
    long ordersMissingMail(Collection<String> orderIds, int kinds) {
        return orderIds.stream().filter(id -> kindsByOrder.getOrDefault(id, Set.of()).size() < kinds).count();
    }

    long mails() {
        return mails;
    }

    /** Mails that repeat an earlier one, by Message-ID or by order and kind, each counted once. */
    long duplicates() {
        return duplicates;
    }

    /** Mails whose Message-ID was seen before. */
    long sameMessageId() {
        return sameMessageId;
    }

    /** Mails of an order and kind seen before. */
    long sameOrderAndKind() {
        return sameOrderMail;
    }

    /** Mails whose text names no order: counted by Message-ID only. */
    long unattributed() {
        return unattributed;
    }
}
