package io.comanda.devstack.quarkus;

import io.comanda.devstack.parts.ChildProcess;
import io.comanda.devstack.parts.KafkaProcess;
import io.comanda.devstack.parts.ManagedPart;
import io.comanda.devstack.parts.PostgresOutage;
import io.comanda.devstack.parts.RestartablePart;
import io.comanda.devstack.parts.SmtpProcess;
import io.comanda.devstack.parts.StackPart;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a test stops a shared part as an outage would and starts it again: the part's {@link RestartablePart
 * lifecycle}, the one the launcher's commands run, made from the part's {@link SharedParts record}, since the
 * part itself may have been started by another class loader. Each start again runs on the same ports and data.
 */
final class SharedPartLifecycles {

    /** How long a part stopped as an outage gets to end cleanly before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private SharedPartLifecycles() {
    }

    /** The broker's lifecycle, from its record: SIGTERM to stop, then a new broker JVM on its ports and data. */
    static RestartablePart<ManagedPart> kafka(SharedParts.Kafka kafka) {
        SharedParts.KafkaJvm jvm = kafka.process();
        if (jvm == null) {
            throw new IllegalStateException("the broker of this run is in-process; ask for kafka(true) first "
                    + "(KafkaTestResource with restartable=true)");
        }
        return RestartablePart.running(StackPart.KAFKA.partName(), jvm.port(),
                ManagedPart.ofPid(StackPart.KAFKA.partName(), kafka.bootstrapServers(), jvm.pid(),
                        SharedPartLifecycles::terminate),
                () -> KafkaProcess.start(Path.of(jvm.directory()), jvm.port(), jvm.controllerPort(),
                        TestStack.logFile(StackPart.KAFKA)));
    }

    /** PostgreSQL's lifecycle, from its record: a fast shutdown to stop, its own command line to start again. */
    static RestartablePart<ManagedPart> postgres(SharedParts.Postgres postgres) {
        return RestartablePart.running(StackPart.POSTGRES.partName(), postgres.port(),
                postmaster(postgres, postgres.pid()),
                () -> postmaster(postgres, PostgresOutage.restart(postgres.command(), postgres.host(), postgres.port(),
                        TestStack.logFile(StackPart.POSTGRES))));
    }

    private static ManagedPart postmaster(SharedParts.Postgres postgres, long pid) {
        return ManagedPart.ofPid(StackPart.POSTGRES.partName(),
                "postgresql://" + postgres.host() + ":" + postgres.port(), pid, PostgresOutage::stop);
    }

    /** The SMTP server's lifecycle, from its record: SIGTERM to stop, then a new server JVM on its ports. */
    static RestartablePart<ManagedPart> smtp(SharedParts.Smtp smtp) {
        return RestartablePart.running(StackPart.SMTP.partName(), smtp.port(),
                ManagedPart.ofPid(StackPart.SMTP.partName(), "smtp://" + smtp.host() + ":" + smtp.port(), smtp.pid(),
                        SharedPartLifecycles::terminate),
                () -> SmtpProcess.start(TestStack.directory().resolve(StackPart.SMTP.partName()), smtp.port(),
                        smtp.imapPort(), TestStack.logFile(StackPart.SMTP)));
    }

    /** SIGTERM, then SIGKILL after 30 s: a part stopped from whichever class loader restarted it last. */
    private static void terminate(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> ChildProcess.stop(process, STOP_GRACE));
    }
}
