package io.comanda.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * A real SMTP server (GreenMail) on loopback that keeps what it receives, readable over IMAP by any
 * mail client: log in with the recipient's address, any password (local development only).
 */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;
    private final int imapPort;

    private SmtpServer(GreenMail greenMail, int port, int imapPort) {
        this.greenMail = greenMail;
        this.port = port;
        this.imapPort = imapPort;
    }

    /** Starts SMTP on {@code port}, or on a free one when it is 0, and IMAP on a free port. */
    public static SmtpServer start(int port) {
        return start(port, 0);
    }

    /** Starts SMTP on {@code port} and IMAP on {@code imapPort}; 0 picks a free port. */
    public static SmtpServer start(int port, int imapPort) {
        int smtp = port > 0 ? port : Ports.free();
        int imap = imapPort > 0 ? imapPort : Ports.free();
        GreenMail greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                // Mailboxes appear on first delivery; a mail client may log in with any password.
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new SmtpServer(greenMail, smtp, imap);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public int imapPort() {
        return imapPort;
    }

    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
