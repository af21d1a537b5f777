package io.comanda.notifications.domain;

/** The mails this service sends; each is a Qute template pair {@code mail/<name>.html|.txt}. */
public enum MailKind {
    RECEIVED("received"), CONFIRMED("confirmed"), CANCELLED("cancelled");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
