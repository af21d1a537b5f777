package io.comanda.notifications.domain;

/** What the identity provider answered about a customer. */
public sealed interface RecipientLookup {

    /** The customer exists and has an address. */
    record Found(Recipient recipient) implements RecipientLookup {
    }

    /** No mail can go to this customer; {@code reason} is the metric tag, e.g. {@code no-address}. */
    record Unreachable(String reason) implements RecipientLookup {
    }

    static RecipientLookup unknownUser() {
        return new Unreachable("unknown-user");
    }

    static RecipientLookup noAddress() {
        return new Unreachable("no-address");
    }
}
