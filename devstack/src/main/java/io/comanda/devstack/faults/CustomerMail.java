package io.comanda.devstack.faults;

import io.comanda.devstack.clients.Mailbox;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The load's customer's mailbox at the local SMTP server, read over IMAP a page at a time and counted in
 * a {@link MailLedger}: emptied uncounted before a run, drained as mail arrives, and drained once more
 * at the end until nothing new comes.
 */
final class CustomerMail {

    /** Mails read and removed per IMAP session; a minute of the soak's load brings about 1,200. */
    private static final int PAGE = 500;
    /** Pages per read, so that one read ends even when mail arrives faster than it is read. */
    private static final int PAGES_PER_READ = 20;
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(10);

    private final Mailbox mailbox;
    private final MailLedger ledger = new MailLedger();
    private final PrintStream out;

    CustomerMail(Mailbox mailbox, PrintStream out) {
        this.mailbox = mailbox;
        this.out = out;
    }

    MailLedger ledger() {
        return ledger;
    }

    /** Removes what the mailbox holds before a run, uncounted. */
    void empty() {
        try {
            int removed = 0;
            for (int page = PAGE; page == PAGE; removed += page) {
                page = mailbox.takeOldest(PAGE).size();
            }
            out.println("    " + removed + " mails there before the run, removed uncounted");
        } catch (RuntimeException e) {
            out.println("    mailbox not emptied: " + e.getMessage());
        }
    }

    /**
     * Counts what arrived, a page at a time; a page counts once the server has removed it, so a page that
     * fails is read again next time and never counted twice.
     *
     * @return the mails read, or -1 when the mailbox could not be read at all
     */
    int drain() {
        int read = 0;
        for (int pages = 0; pages < PAGES_PER_READ; pages++) {
            List<Mailbox.ReceivedMail> page;
            try {
                page = mailbox.takeOldest(PAGE);
            } catch (RuntimeException e) {
                out.println("    mailbox not read this time: " + e.getMessage());
                return read == 0 ? -1 : read;
            }
            page.forEach(mail -> ledger.add(mail.messageId(), mail.subject(), mail.text()));
            read += page.size();
            if (page.size() < PAGE) {
                break;
            }
        }
        return read;
    }

    /**
     * Drains the mailbox until {@code orderIds} have {@code kinds} kinds of mail each and then two reads in a
     * row bring nothing new (a mail sent twice comes late), or {@code within} has passed.
     */
    void await(Collection<String> orderIds, int kinds, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        int quietReads = 0;
        while (quietReads < 2 && Instant.now().isBefore(deadline)) {
            int read = drain();
            quietReads = read == 0 && ledger.ordersMissingMail(orderIds, kinds) == 0 ? quietReads + 1 : 0;
            if (quietReads < 2) {
                Thread.sleep(read > 0 ? 1000 : LOOK_AGAIN.toMillis());
            }
        }
    }
}
