package io.comanda.notifications;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** A recipient's mailbox on the test SMTP server, read over IMAP as a mail client would. */
final class Mailbox {

    private Mailbox() {
    }

    /** A mail as its recipient sees it. */
    record ReceivedMail(List<String> to, String subject, String messageId, String text, String html) {

        boolean isAbout(String orderId) {
            return text.contains(orderId);
        }
    }

    /** Every mail in {@code address}'s inbox; none when nothing was delivered to it yet. */
    static List<ReceivedMail> of(String address) {
        var config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(config.getValue("comanda.test.imap-host", String.class),
                    config.getValue("comanda.test.imap-port", Integer.class), address, "any");
            try {
                Folder inbox = store.getFolder("INBOX");
                if (!inbox.exists()) {
                    return List.of();
                }
                inbox.open(Folder.READ_ONLY);
                List<ReceivedMail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(read(message));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    /** The mails about one order in {@code address}'s inbox. */
    static List<ReceivedMail> about(String address, Object orderId) {
        return of(address).stream().filter(mail -> mail.isAbout(orderId.toString())).toList();
    }

    private static ReceivedMail read(Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        String[] parts = new String[2];
        collect(message, parts);
        return new ReceivedMail(Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
                message.getSubject(), ids == null ? null : ids[0], parts[0], parts[1]);
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
