package io.comanda.notifications.domain;

import io.smallrye.mutiny.Uni;

/**
 * The port to the identity provider that knows customers' addresses. Answers
 * {@link RecipientLookup.Unreachable} only when the provider itself says, definitely, that there is nobody
 * to write to (no such user, disabled, no address); fails (to be retried) on any other answer or none,
 * since a mail skipped is never sent.
 */
public interface RecipientDirectory {

    Uni<RecipientLookup> lookUp(String customerId);
}
