package io.comanda.devstack.clients;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * One recipient's mailbox on the local SMTP server, read over IMAP as a mail client would: the local
 * server lets anyone log in with the address and any password. For tests and the command line only.
 *
 * @param host     where the IMAP server listens
 * @param imapPort its port
 * @param address  the recipient's address, also the login
 */
public record Mailbox(String host, int imapPort, String address) {

    private static final FetchProfile WHOLE_MESSAGES = new FetchProfile();

    static {
        WHOLE_MESSAGES.add(IMAPFolder.FetchProfileItem.MESSAGE);
    }

    /** A mail as its recipient sees it; {@code sent} is its Date header. */
    public record ReceivedMail(List<String> to, String subject, Instant sent, String messageId, String text,
                               String html) {

        /** Whether the mail's text names {@code orderId}, as every order mail does. */
        public boolean isAbout(Object orderId) {
            return text != null && text.contains(orderId.toString());
        }
    }

    /** Every mail in the inbox, oldest first; none when nothing was delivered to the address yet. */
    public List<ReceivedMail> mails() {
        return read(Integer.MAX_VALUE, false);
    }

    /**
     * The {@code count} mails delivered last, oldest first: after a benchmark an inbox holds thousands,
     * and reading every one over IMAP takes minutes.
     */
    public List<ReceivedMail> latest(int count) {
        return read(count, false);
    }

    /**
     * Every mail in the inbox, oldest first, removed from it as it is read: a long run reads its mail as it
     * comes, and the server (which keeps mail in memory) holds only what arrived since.
     */
    public List<ReceivedMail> take() {
        return read(Integer.MAX_VALUE, true);
    }

    /**
     * The {@code atMost} mails delivered first, oldest first, removed from the inbox once read; none is
     * removed when the read fails. A long run reads its mail a page at a time: one read of everything that
     * piled up while the machine was busy took longer than the server's patience, failed, and left the
     * next read larger still.
     */
    public List<ReceivedMail> takeOldest(int atMost) {
        return read(atMost, true);
    }

    private List<ReceivedMail> read(int atMost, boolean remove) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "15000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(host, imapPort, address, "any");
            try {
                Folder inbox = store.getFolder("INBOX");
                if (!inbox.exists()) {
                    return List.of();
                }
                inbox.open(remove ? Folder.READ_WRITE : Folder.READ_ONLY);
                int total = inbox.getMessageCount();
                List<ReceivedMail> mails = new ArrayList<>();
                if (total > 0) {
                    // A page to take is the oldest mail, so that what is left stays in delivery order; a look
                    // (latest) is the newest.
                    Message[] messages = remove
                            ? inbox.getMessages(1, (int) Math.min(total, atMost))
                            : inbox.getMessages((int) Math.max(1L, (long) total - atMost + 1), total);
                    // Whole messages in one command: fetched one header and part at a time, a soak's thousand
                    // mails a minute took longer to read than to arrive.
                    inbox.fetch(messages, WHOLE_MESSAGES);
                    for (Message message : messages) {
                        mails.add(read(message));
                    }
                    if (remove) {
                        inbox.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                    }
                }
                inbox.close(remove);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address + " at " + host + ":" + imapPort
                    + ": " + e.getMessage(), e);
        }
    }

    /** The mails about one order. */
    public List<ReceivedMail> about(Object orderId) {
        return mails().stream().filter(mail -> mail.isAbout(orderId)).toList();
    }

    private static ReceivedMail read(Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        String[] textAndHtml = new String[2];
        collect(message, textAndHtml);
        Date sent = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
        return new ReceivedMail(Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
                message.getSubject(), sent == null ? null : sent.toInstant(), ids == null ? null : ids[0],
                textAndHtml[0], textAndHtml[1]);
    }

    private static void collect(Part part, String[] textAndHtml) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            textAndHtml[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
            textAndHtml[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), textAndHtml);
            }
        }
    }
}
