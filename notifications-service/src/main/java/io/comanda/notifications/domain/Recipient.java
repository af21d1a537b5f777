package io.comanda.notifications.domain;

/**
 * Who a customer's mail goes to, as the identity provider knows them.
 *
 * @param address the e-mail address, or null when the user has none
 * @param name    how to greet them
 */
public record Recipient(String address, String name) {
}
