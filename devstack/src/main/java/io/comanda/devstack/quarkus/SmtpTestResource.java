package io.comanda.devstack.quarkus;

import java.util.Map;

/**
 * A real SMTP server (GreenMail) that the service's mailer sends to. Sets {@code quarkus.mailer.host},
 * {@code quarkus.mailer.port} and {@code quarkus.mailer.mock=false}.
 */
public class SmtpTestResource extends SharedPartResource {

    @Override
    public Map<String, String> start() {
        SharedParts.Smtp smtp = SharedStack.smtp();
        return Map.of(
                "quarkus.mailer.host", smtp.host(),
                "quarkus.mailer.port", Integer.toString(smtp.port()),
                "quarkus.mailer.mock", "false");
    }
}
