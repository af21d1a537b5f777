package io.comanda.notifications.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /orders/live}: the status changes of the caller's orders (an admin's: every order's), pushed as
 * {@link LiveStatusMessage} JSON. The upgrade request is authenticated like any request: a bearer token
 * of the realm (the {@code Authorization} header, or for browsers the subprotocol carrying it); without a
 * valid one the handshake is answered 401.
 */
@WebSocket(path = "/orders/live")
@RolesAllowed({"customer", "admin"})
public class OrderLiveEndpoint {

    static final UserData.TypedKey<String> SUBJECT = UserData.TypedKey.forString("comanda.subject");
    static final UserData.TypedKey<Boolean> ADMIN = UserData.TypedKey.forBoolean("comanda.admin");

    private final SecurityIdentity identity;

    public OrderLiveEndpoint(SecurityIdentity identity) {
        this.identity = identity;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        // Orders name their customer by the token's subject, not by the user name.
        String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject()
                : identity.getPrincipal().getName();
        connection.userData().put(SUBJECT, subject);
        connection.userData().put(ADMIN, identity.hasRole("admin"));
    }
}
