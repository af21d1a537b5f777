package io.comanda.devstack.quarkus;

import java.util.Map;

/**
 * A real SMTP server (GreenMail) that the service's mailer sends to. Sets {@code quarkus.mailer.host},
 * {@code quarkus.mailer.port} and {@code quarkus.mailer.mock=false}, and where tests read the mailboxes
 * over IMAP: {@code comanda.test.imap-host}, {@code comanda.test.imap-port} (see {@code Mailbox}). Tests
 * may stop and restart the server through {@link TestStack}.
 */
public class SmtpTestResource extends SharedPartResource {

    @Override
    public Map<String, String> start() {
        SharedParts.Smtp smtp = TestStack.smtp();
        return Map.of(
                "quarkus.mailer.host", smtp.host(),
                "quarkus.mailer.port", Integer.toString(smtp.port()),
                "quarkus.mailer.mock", "false",
                "comanda.test.imap-host", smtp.host(),
                "comanda.test.imap-port", Integer.toString(smtp.imapPort()));
    }
}
