package io.comanda.devstack.cli;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.Mailbox;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code ./comanda mail [address]} prints: the latest mails at the realm's users' addresses (or at
 * one address), newest first, read over the local SMTP server's IMAP as a mail client would.
 */
final class RecentMail {

    static final int LATEST = 20;
    private static final String ROW = "  %-20s %-24s %s%n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private RecentMail() {
    }

    /**
     * @param addresses whose mailboxes to read; empty for every user of the realm file
     */
    static void print(PrintStream out, int imapPort, List<String> addresses) {
        List<String> read = addresses.isEmpty()
                ? Arrays.stream(LocalUser.values()).map(LocalUser::email).toList()
                : addresses;
        List<Mailbox.ReceivedMail> latest = read.stream()
                .flatMap(address -> new Mailbox("127.0.0.1", imapPort, address).latest(LATEST).stream())
                .sorted(Comparator.comparing(Mailbox.ReceivedMail::sent,
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed())
                .limit(LATEST)
                .toList();
        if (latest.isEmpty()) {
            out.println("No mail at " + String.join(", ", read) + " yet.");
            return;
        }
        out.printf(ROW, "date", "to", "subject");
        latest.forEach(mail -> out.printf(ROW, mail.sent() == null ? "" : DATE.format(mail.sent()),
                String.join(", ", mail.to()), mail.subject()));
    }
}
