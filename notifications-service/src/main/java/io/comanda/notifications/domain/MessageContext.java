package io.comanda.notifications.domain;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * The mail client and the REST client complete on their own threads; Hibernate Reactive must be used
 * from the message's Vert.x context, so what follows them is moved back onto it.
 */
final class MessageContext {

    private MessageContext() {
    }

    static <T> Uni<T> backOn(Context context, Uni<T> uni) {
        return uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
