package io.comanda.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The SMTP server (with IMAP) in its own JVM, so a test can stop it as an outage would and start it
 * again on the same ports. What it had received is gone after a restart.
 */
public final class SmtpProcess {

    private SmtpProcess() {
    }

    /** Starts SMTP on {@code port} and IMAP on {@code imapPort} and waits until both listen. */
    public static ChildProcess start(Path directory, int port, int imapPort, Path logFile) {
        ChildProcess child = ChildProcess.start("smtp", JavaCommand.of(RuntimeClasspath.recorded(), "128m", directory,
                SmtpServerMain.class.getName(), Integer.toString(port), Integer.toString(imapPort)),
                directory, Map.of(), logFile);
        try {
            Readiness.await("SMTP", Duration.ofSeconds(30), child, () -> Ports.inUse(port) && Ports.inUse(imapPort));
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }
}
