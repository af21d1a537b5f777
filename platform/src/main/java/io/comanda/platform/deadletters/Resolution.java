package io.comanda.platform.deadletters;

/**
 * How a dead letter stopped waiting: what was done, by whom (the operator's principal, or the service
 * when it settled what the dead letter waited for), when (ISO-8601), and why when it was said (a forced
 * discard must; a settlement says what settled it).
 */
public record Resolution(Action action, String by, String at, String reason) {

    public enum Action { DISCARDED, REPLAYED, SETTLED }
}
