package io.comanda.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real SMTP server (GreenMail) that the service's mailer sends to. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> smtp = SharedStack.smtp();
        return Map.of(
                "quarkus.mailer.host", smtp.get("host"),
                "quarkus.mailer.port", smtp.get("port"),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
