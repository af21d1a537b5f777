package io.comanda.devstack.parts;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Killing the JVM that started PostgreSQL, a Kafka broker JVM and another child with SIGKILL (no
 * shutdown hook runs) leaves none of them running.
 */
class NoOrphanProcessesIT {

    @Test
    void partsDieWithAJvmKilledWithoutShutdownHooks() throws Exception {
        Path directory = Path.of("target", "devstack", "orphan-check").toAbsolutePath();
        MachineCache.deleteRecursively(directory);
        Files.createDirectories(directory);
        Path pidFile = directory.resolve("pids");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StackOwner.class.getName(),
                pidFile.toString(), directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("owner.log").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(pidFile) || !owner.isAlive());
            assertThat(owner.isAlive()).as("the owner JVM started its parts; see owner.log").isTrue();
            List<String> lines = Files.readAllLines(pidFile);
            List<Long> pids = lines.subList(0, 3).stream().map(Long::parseLong).toList();
            assertThat(pids).allMatch(NoOrphanProcessesIT::alive);

            owner.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                    assertThat(pids).noneMatch(NoOrphanProcessesIT::alive));
            assertThat(Ports.inUse(Integer.parseInt(lines.get(3).split(":")[1]))).isFalse();
        } finally {
            owner.destroyForcibly();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
