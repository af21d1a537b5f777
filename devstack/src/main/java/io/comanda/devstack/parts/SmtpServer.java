package io.comanda.devstack.parts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.List;

/** A real SMTP server (GreenMail) on loopback that keeps what it receives for inspection. */
public final class SmtpServer implements ManagedPart {

    private final GreenMail greenMail;
    private final int port;

    private SmtpServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** Starts on {@code port}, or on a free one when it is 0. */
    public static SmtpServer start(int port) {
        int chosen = port > 0 ? port : Ports.free();
        GreenMail greenMail = new GreenMail(new ServerSetup(chosen, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return ManagedPart.awaitReady(new SmtpServer(greenMail, chosen), ReadinessProbe.listening(chosen, Duration.ofSeconds(30)));
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String address() {
        return "smtp://" + host() + ":" + port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
