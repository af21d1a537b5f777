package io.comanda.devstack.parts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL 17 server from the embedded binaries on Maven Central, configured for logical
 * decoding so Debezium can stream its outbox tables. One server; one database per service.
 */
public final class PostgresServer implements ManagedPart {

    /** The superuser of the embedded server; local only, trusted on loopback. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /**
     * The outbox relay's role: it may log in and stream changes, nothing else; the platform's migration
     * grants it SELECT on the outbox table alone. The same role compose gives Debezium, so the tests run
     * the relay with the rights it has in production.
     */
    public static final String RELAY_USER = "comanda_relay";
    public static final String RELAY_PASSWORD = "comanda-relay-local-dev";

    /**
     * The most WAL a replication slot may hold back ({@code max_slot_wal_keep_size}); the alert
     * {@code ReplicationSlotFallingBehind} fires at half of it.
     */
    public static final String MAX_SLOT_WAL_KEEP_SIZE = "2GB";

    /** Enough for one instance of each service with its pools full, the relay and the tools beside them. */
    public static final int MAX_CONNECTIONS = 200;

    private final EmbeddedPostgres postgres;
    private final Path logFile;
    private final long postmasterPid;
    // Taken at start: a handle knows its process's start time, so a recycled PID is never mistaken for it.
    private final Optional<ProcessHandle> postmaster;

    private PostgresServer(EmbeddedPostgres postgres, Path logFile, long postmasterPid) {
        this.postgres = postgres;
        this.logFile = logFile;
        this.postmasterPid = postmasterPid;
        this.postmaster = ProcessHandle.of(postmasterPid);
    }

    /**
     * Starts a server with its data in {@code dataDirectory}.
     *
     * @param port    the port, or 0 for a free one
     * @param fresh   whether to wipe existing data first
     * @param logFile where the server's own output goes
     */
    public static PostgresServer start(Path dataDirectory, int port, boolean fresh, Path logFile) {
        return start(dataDirectory, port, fresh, logFile, MAX_CONNECTIONS);
    }

    /**
     * The same, for clients that hold up to {@code maxConnections} connections together (each pool of each
     * service instance at its largest, the relay's and the tools').
     */
    public static PostgresServer start(Path dataDirectory, int port, boolean fresh, Path logFile,
                                       int maxConnections) {
        try {
            if (fresh) {
                // initdb refuses a directory that is not empty: a run killed before its close left one.
                MachineCache.deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory.getParent());
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(fresh)
                    // Whoever started the server stops it, in order; the watchdog covers a killed JVM.
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_wal_senders", "10")
                    // A relay that stops reading may not fill the disk: past this, its slot is invalidated
                    // (it must be dropped and the connector snapshots the outbox again); compose sets the same.
                    .setServerConfig("max_slot_wal_keep_size", MAX_SLOT_WAL_KEEP_SIZE)
                    // The embedded default is off; then a committed outbox row may not yet be decodable.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", Integer.toString(maxConnections))
                    // A slow statement shows in the log; the service's log line of the same time has its trace id.
                    .setServerConfig("log_min_duration_statement", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            PostgresServer server = new PostgresServer(builder.start(), logFile, postmasterPid(dataDirectory));
            ProcessWatchdog.guard(server.postmasterPid, "INT");
            ManagedPart.awaitReady(server, new ReadinessProbe(Duration.ofSeconds(30), server::answersQueries));
            server.ensureRelayRole();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return StackPart.POSTGRES.partName();
    }

    /** The server, without a database: {@code postgresql://127.0.0.1:<port>}. */
    @Override
    public String address() {
        return "postgresql://" + host() + ":" + port();
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.of(logFile);
    }

    /** The postmaster's PID; it runs detached from this JVM. */
    @Override
    public OptionalLong pid() {
        return OptionalLong.of(postmasterPid);
    }

    @Override
    public boolean isAlive() {
        return postmaster.map(ProcessHandle::isAlive).orElse(false);
    }

    /** SIGKILL for the postmaster and its backends, as a crash of the server; its data stays as the crash left it. */
    @Override
    public void kill() {
        postmaster.ifPresent(ChildProcess::killTree);
    }

    public int port() {
        return postgres.getPort();
    }

    public String host() {
        return "127.0.0.1";
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        createDatabase(host(), port(), database);
    }

    /** Creates {@code database} on the server at {@code host}:{@code port} unless it exists. */
    public static void createDatabase(String host, int port, String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(host, port, "postgres"), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    /** Creates the relay's role unless it exists; before any service migrates, so its grant finds the role. */
    private void ensureRelayRole() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + RELAY_USER
                    + "') then create role " + RELAY_USER + " login replication password '" + RELAY_PASSWORD
                    + "'; end if; end $$");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the relay's role", e);
        }
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(host(), port(), database);
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form of the Vert.x reactive client that Hibernate Reactive uses. */
    public String reactiveUrl(String database) {
        return reactiveUrl(host(), port(), database);
    }

    public static String reactiveUrl(String host, int port, String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /**
     * A fast shutdown; the embedded server waits 5 s for it, this waits until the postmaster is gone (SIGKILL
     * after 30 s), so that a server started again right after finds its port and data directory free.
     */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
        postmaster.filter(ProcessHandle::isAlive).ifPresent(postmaster -> {
            try {
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                ChildProcess.killTree(postmaster);
            }
        });
    }

    private boolean answersQueries() throws SQLException {
        return answersQueries(host(), port());
    }

    static boolean answersQueries(String host, int port) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(host, port, "postgres"), USER, PASSWORD); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show wal_level")) {
            return rs.next() && "logical".equals(rs.getString(1));
        }
    }

    /** The postmaster runs detached from this JVM, so its watchdog needs its PID from the data directory. */
    static long postmasterPid(Path dataDirectory) throws IOException {
        String firstLine = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
        return Long.parseLong(firstLine);
    }
}
