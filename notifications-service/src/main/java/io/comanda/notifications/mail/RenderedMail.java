package io.comanda.notifications.mail;

/** A mail's subject and its two bodies, the plain-text part and the HTML part. */
public record RenderedMail(String subject, String text, String html) {
}
