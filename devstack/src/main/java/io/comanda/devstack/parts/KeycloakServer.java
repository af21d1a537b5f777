package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its distribution on Maven Central, importing the repository's realm file
 * {@code keycloak/comanda-realm.json}.
 *
 * <p>The distribution is unpacked once per machine (its first start runs a 30-60 s build step into
 * the unpacked files); each stack keeps its own database file, so the realm is imported into an
 * empty database on a fresh start and survives a restart otherwise.
 */
public final class KeycloakServer extends ProcessPart {

    public static final String REALM = "comanda";
    private static final String REALM_FILE = "/io/comanda/devstack/keycloak/comanda-realm.json";

    private KeycloakServer(ChildProcess process, String url) {
        super(process, url);
    }

    /**
     * Starts Keycloak with its database under {@code directory}; ready when the realm's discovery
     * document answers.
     *
     * @param port the HTTP port, or 0 for a free one
     */
    public static KeycloakServer start(Path directory, int port, Path logFile) {
        int httpPort = Ports.orFree(port);
        String url = Ports.httpUrl(httpPort);
        MachineCache cache = MachineCache.standard();
        Path home = cache.unpacked(RuntimeClasspath.recorded().archive("keycloak-quarkus-dist-"))
                .resolve("keycloak-" + version());
        // Two first starts at once would both run Keycloak's build step into the shared distribution.
        return cache.withLock("keycloak-start", () -> {
            installRealm(home);
            Path database = directory.resolve("h2").resolve("keycloakdb");
            List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host", "127.0.0.1",
                    "--http-port", Integer.toString(httpPort),
                    "--http-management-port", Integer.toString(Ports.free()),
                    "--hostname", url,
                    "--import-realm",
                    "--db-url", "jdbc:h2:file:" + database + ";NON_KEYWORDS=VALUE");
            Map<String, String> environment = Map.of(
                    "JAVA_HOME", System.getProperty("java.home"),
                    // Off the hot path (services verify tokens themselves): a smaller heap, C1 only (about
                    // 70 MiB less resident, no slower a start here), the serial collector instead of G1.
                    "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx256m",
                    "JAVA_OPTS_APPEND", "-XX:-UseG1GC -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                    // Local-development admin of the master realm; never used outside this machine.
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            return start(new ProcessSpec(StackPart.KEYCLOAK.partName(), command, directory, environment, logFile, url,
                    ReadinessProbe.httpOk(realmUrl(url) + "/.well-known/openid-configuration", Duration.ofSeconds(240))),
                    KeycloakServer::new);
        });
    }

    public String url() {
        return address();
    }

    /** The issuer of the {@code comanda} realm, what a service's {@code quarkus.oidc.auth-server-url} takes. */
    public String realmUrl() {
        return realmUrl(url());
    }

    /** The issuer of the {@code comanda} realm of the Keycloak at {@code url}. */
    public static String realmUrl(String url) {
        return url + "/realms/" + REALM;
    }

    private static void installRealm(Path home) throws IOException {
        Path importDirectory = home.resolve("data/import");
        Files.createDirectories(importDirectory);
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_FILE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_FILE + " is not packaged into devstack");
            }
            Files.copy(realm, importDirectory.resolve("comanda-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String version() {
        String archive = RuntimeClasspath.recorded().archive("keycloak-quarkus-dist-").getFileName().toString();
        return archive.substring("keycloak-quarkus-dist-".length(), archive.length() - ".zip".length());
    }
}
