package io.comanda.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "comanda";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;

    private KeycloakServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Keycloak with its database under {@code directory}.
     *
     * @param port the HTTP port, or 0 for a free one
     */
    public static KeycloakServer start(Path directory, int port, Path logFile) {
        int httpPort = port > 0 ? port : Ports.free();
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
                    "--hostname", "http://127.0.0.1:" + httpPort,
                    "--import-realm",
                    "--db-url", "jdbc:h2:file:" + database + ";NON_KEYWORDS=VALUE");
            Map<String, String> environment = Map.of(
                    "JAVA_HOME", System.getProperty("java.home"),
                    "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                    // Local-development admin of the master realm; never used outside this machine.
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            ChildProcess child = ChildProcess.start("keycloak", command, directory, environment, logFile);
            KeycloakServer keycloak = new KeycloakServer(child, httpPort);
            try {
                Readiness.await("Keycloak", Duration.ofSeconds(240), child, keycloak::servesDiscoveryDocument);
            } catch (RuntimeException e) {
                child.close();
                throw e;
            }
            return keycloak;
        });
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the {@code comanda} realm, what a service's {@code quarkus.oidc.auth-server-url} takes. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private boolean servesDiscoveryDocument() throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    private static void installRealm(Path home) throws IOException {
        Path importDirectory = home.resolve("data/import");
        Files.createDirectories(importDirectory);
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("keycloak/comanda-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("keycloak/comanda-realm.json is not packaged into devstack");
            }
            Files.copy(realm, importDirectory.resolve("comanda-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String version() {
        String archive = RuntimeClasspath.recorded().archive("keycloak-quarkus-dist-").getFileName().toString();
        return archive.substring("keycloak-quarkus-dist-".length(), archive.length() - ".zip".length());
    }
}
