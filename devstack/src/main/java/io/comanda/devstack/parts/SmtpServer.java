package io.comanda.devstack.parts;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.time.Duration;

/**
 * A real SMTP server (GreenMail) on loopback that keeps what it receives, readable over IMAP by any
 * mail client: log in with the recipient's address and any password (local development only).
 */
public final class SmtpServer implements ManagedPart {

    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final int port;
    private final int imapPort;

    private SmtpServer(GreenMail greenMail, int port, int imapPort) {
        this.greenMail = greenMail;
        this.port = port;
        this.imapPort = imapPort;
    }

    /** Starts SMTP on {@code port} and IMAP on {@code imapPort}; 0 picks a free port. */
    public static SmtpServer start(int port, int imapPort) {
        int smtp = port > 0 ? port : Ports.free();
        int imap = imapPort > 0 ? imapPort : Ports.free();
        GreenMail greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtp, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, HOST, ServerSetup.PROTOCOL_IMAP)})
                // Mailboxes appear on first delivery; a mail client may log in with any password.
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return ManagedPart.awaitReady(new SmtpServer(greenMail, smtp, imap), new ReadinessProbe(Duration.ofSeconds(30),
                () -> Ports.inUse(smtp) && Ports.inUse(imap)));
    }

    @Override
    public String name() {
        return StackPart.SMTP.partName();
    }

    @Override
    public String address() {
        return "smtp://" + HOST + ":" + port;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public int imapPort() {
        return imapPort;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
