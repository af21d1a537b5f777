package io.comanda.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real SMTP server (GreenMail) that the service's mailer sends to; tests read the mailboxes over IMAP
 * ({@code comanda.test.imap-host}, {@code comanda.test.imap-port}) and may stop and restart it through
 * {@link SharedStack}.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> smtp = SharedStack.smtp();
        return Map.of(
                "quarkus.mailer.host", smtp.get("host"),
                "quarkus.mailer.port", smtp.get("port"),
                "quarkus.mailer.mock", "false",
                "comanda.test.imap-host", smtp.get("host"),
                "comanda.test.imap-port", smtp.get("imap-port"));
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
