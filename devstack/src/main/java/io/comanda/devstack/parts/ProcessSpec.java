package io.comanda.devstack.parts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What it takes to run a part as an OS process of its own.
 *
 * @param name        the part's name (see {@link ManagedPart#name()})
 * @param command     its command line
 * @param workDir     its working directory, created if missing
 * @param environment variables added to this JVM's environment
 * @param logFile     where its standard output and error go (appended)
 * @param address     where clients will reach it (see {@link ManagedPart#address()})
 * @param readiness   how it proves it is ready
 */
public record ProcessSpec(String name, List<String> command, Path workDir, Map<String, String> environment,
                          Path logFile, String address, ReadinessProbe readiness) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
