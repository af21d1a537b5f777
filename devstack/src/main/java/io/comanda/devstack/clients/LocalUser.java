package io.comanda.devstack.clients;

/**
 * The users of the realm file {@code keycloak/comanda-realm.json}. Their passwords are
 * local-development defaults, documented in docs/security.md, and exist nowhere else.
 */
public enum LocalUser {
    ALICE("alice", "alice-local-dev"),
    BOB("bob", "bob-local-dev"),
    OPS("ops", "ops-local-dev");

    private final String username;
    private final String password;

    LocalUser(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The user's e-mail address in the realm file, where the services write to them. */
    public String email() {
        return username + "@comanda.example";
    }
}
