package io.comanda.devstack.parts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The SMTP server ({@link SmtpServer}, with IMAP) in its own JVM: what the local stack runs, and what
 * tests run so that they can stop it as an outage would and start it again on the same ports. It keeps
 * mail in memory: what it had received is gone after a restart.
 */
public final class SmtpProcess extends ProcessPart {

    private static final String HOST = "127.0.0.1";
    private final int port;
    private final int imapPort;

    private SmtpProcess(ChildProcess process, String address, int port, int imapPort) {
        super(process, address);
        this.port = port;
        this.imapPort = imapPort;
    }

    /** Starts SMTP on {@code port} and IMAP on {@code imapPort}, ready once both listen. */
    public static SmtpProcess start(Path directory, int port, int imapPort, Path logFile) {
        // It keeps every mail it receives (a benchmark run sends tens of thousands): a heap that may grow,
        // though it starts small.
        return start(new ProcessSpec(StackPart.SMTP.partName(),
                JavaCommand.of(RuntimeClasspath.recorded(), JvmSizing.upTo("256m").offHotPath(), directory, SmtpServerMain.class.getName(),
                        Integer.toString(port), Integer.toString(imapPort)),
                directory, Map.of(), logFile, "smtp://" + HOST + ":" + port,
                new ReadinessProbe(Duration.ofSeconds(30), () -> Ports.inUse(port) && Ports.inUse(imapPort))),
                (process, address) -> new SmtpProcess(process, address, port, imapPort));
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** Where a mail client reads the received mail: log in with the recipient's address, any password. */
    public int imapPort() {
        return imapPort;
    }
}
