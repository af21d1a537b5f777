package io.comanda.devstack.quarkus;

import io.comanda.devstack.parts.ChildProcess;
import io.comanda.devstack.parts.KafkaProcess;
import io.comanda.devstack.parts.ManagedPart;
import io.comanda.devstack.parts.PostgresOutage;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.RestartablePart;
import io.comanda.devstack.parts.SmtpProcess;
import io.comanda.devstack.parts.StackPart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a test run knows of each part it shares, one record per part: the values the test resources
 * hand to the application under test, and what a test needs to reach or restart a part. These
 * records are what {@link PartRegistry} keeps; their component names are their JSON field names.
 *
 * <p>A part a test may stop as an outage and start again has its {@link RestartablePart lifecycle}, the one
 * the launcher's commands run, made from its record, since the part itself may have been started by
 * another class loader: it is stopped through its PID and started again on the same ports and data.
 */
public final class SharedParts {

    /** How long a part stopped as an outage gets to end cleanly before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private SharedParts() {
    }

    /**
     * @param bootstrapServers what {@code kafka.bootstrap.servers} takes
     * @param process          the broker's own JVM when it is restartable; null when it runs in-process
     */
    public record Kafka(String bootstrapServers, KafkaJvm process) {

        /** The same broker, run by the process {@code pid} since it was started again. */
        Kafka withPid(long pid) {
            return new Kafka(bootstrapServers,
                    new KafkaJvm(pid, process.port(), process.controllerPort(), process.directory()));
        }

        /** The restartable broker's lifecycle: SIGTERM to stop, then a new broker JVM on its ports and data. */
        RestartablePart<ManagedPart> restartable() {
            if (process == null) {
                throw new IllegalStateException("the broker of this run is in-process; ask for kafka(true) first "
                        + "(KafkaTestResource with restartable=true)");
            }
            String name = StackPart.KAFKA.partName();
            return RestartablePart.running(name, process.port(),
                    ManagedPart.ofPid(name, bootstrapServers, process.pid(), SharedParts::terminate),
                    () -> KafkaProcess.start(Path.of(process.directory()), process.port(), process.controllerPort(),
                            TestStack.logFile(StackPart.KAFKA)));
        }
    }

    /** A broker in its own JVM: enough to stop it and start it again on the same ports and data. */
    public record KafkaJvm(long pid, int port, int controllerPort, String directory) {
    }

    /**
     * The PostgreSQL server; each service's database on it is made by {@link TestStack#database}.
     *
     * @param pid     the postmaster's PID, which {@link TestStack#stopPostgres()} stops
     * @param command its command line (data directory, port, settings), which {@link TestStack#restartPostgres()}
     *                runs again
     */
    public record Postgres(String host, int port, long pid, List<String> command) {

        public Database database(String name) {
            return new Database(PostgresServer.jdbcUrl(host, port, name), PostgresServer.reactiveUrl(host, port, name),
                    PostgresServer.USER, PostgresServer.PASSWORD);
        }

        /** The same server, run by the postmaster {@code postmasterPid} since it was started again. */
        Postgres withPid(long postmasterPid) {
            return new Postgres(host, port, postmasterPid, command);
        }

        /** The server's lifecycle: a fast shutdown to stop, its own command line to start again. */
        RestartablePart<ManagedPart> restartable() {
            return RestartablePart.running(StackPart.POSTGRES.partName(), port, postmaster(pid),
                    () -> postmaster(PostgresOutage.restart(command, host, port,
                            TestStack.logFile(StackPart.POSTGRES))));
        }

        private ManagedPart postmaster(long postmasterPid) {
            return ManagedPart.ofPid(StackPart.POSTGRES.partName(), "postgresql://" + host + ":" + port,
                    postmasterPid, PostgresOutage::stop);
        }
    }

    /** A service's database, as Flyway (JDBC) and Hibernate Reactive (reactive URL) connect to it. */
    public record Database(String jdbcUrl, String reactiveUrl, String username, String password) {
    }

    /** The Kafka Connect worker with the Debezium PostgreSQL plugin. */
    public record Connect(String url, String log) {
    }

    /** Keycloak with the {@code comanda} realm; {@code realmUrl} is the issuer services check. */
    public record Keycloak(String url, String realmUrl) {
    }

    /**
     * The SMTP server (GreenMail) in its own JVM; {@code imapPort} is where its mailboxes are read.
     *
     * @param pid its process, to stop it as an outage would
     */
    public record Smtp(String host, int port, int imapPort, long pid) {

        /** The same server, run by the process {@code serverPid} since it was started again. */
        Smtp withPid(long serverPid) {
            return new Smtp(host, port, imapPort, serverPid);
        }

        /** The server's lifecycle: SIGTERM to stop, then a new server JVM on its ports, with empty mailboxes. */
        RestartablePart<ManagedPart> restartable() {
            String name = StackPart.SMTP.partName();
            return RestartablePart.running(name, port,
                    ManagedPart.ofPid(name, "smtp://" + host + ":" + port, pid, SharedParts::terminate),
                    () -> SmtpProcess.start(TestStack.directory().resolve(name), port, imapPort,
                            TestStack.logFile(StackPart.SMTP)));
        }
    }

    /** The Stripe emulator; {@code apiBase} is what {@code comanda.stripe.api-base} takes. */
    public record Stripe(String apiBase) {
    }

    /** The Zipkin trace store; {@code url} serves its query API, {@code spansEndpoint} takes spans. */
    public record Zipkin(String url, String spansEndpoint) {
    }

    /** SIGTERM, then SIGKILL after 30 s: a part stopped from whichever class loader restarted it last. */
    private static void terminate(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> ChildProcess.stop(process, STOP_GRACE));
    }
}
