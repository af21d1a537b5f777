package io.comanda.notifications.domain;

import io.smallrye.mutiny.Uni;

/**
 * The port to the identity provider that knows customers' addresses. Fails (to be retried) when the
 * provider cannot be asked; answers {@link RecipientLookup.Unreachable} when it says there is nobody to
 * write to.
 */
public interface RecipientDirectory {

    Uni<RecipientLookup> lookUp(String customerId);
}
