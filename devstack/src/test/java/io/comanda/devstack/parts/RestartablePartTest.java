package io.comanda.devstack.parts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The one lifecycle of a part, on real child processes: as the launcher runs it (a part it started), and
 * as a test's outage runs it (a part another class loader started, known by its PID alone).
 */
class RestartablePartTest {

    @TempDir
    Path directory;

    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void aPartKnownByItsPidIsStoppedAndStartedAgainAsANewProcess() throws IOException {
        long elsewhere = sleepElsewhere();
        RestartablePart<ManagedPart> part = adopted(elsewhere);

        assertThat(part.state()).isEqualTo(RestartablePart.State.RUNNING);
        assertThat(part.stop()).isTrue();

        assertThat(alive(elsewhere)).isFalse();
        assertThat(part.state()).isEqualTo(RestartablePart.State.STOPPED);
        assertThat(part.pid()).isEmpty();
        assertThat(part.start()).isTrue();
        long again = part.pid().orElseThrow();
        assertThat(again).isNotEqualTo(elsewhere);
        assertThat(alive(again)).isTrue();
    }

    @Test
    void restartStopsTheRunningProcessAndStartsAnother() throws IOException {
        long elsewhere = sleepElsewhere();
        RestartablePart<ManagedPart> part = adopted(elsewhere);

        part.restart();

        assertThat(alive(elsewhere)).isFalse();
        assertThat(part.state()).isEqualTo(RestartablePart.State.RUNNING);
        assertThat(part.pid().orElseThrow()).isNotEqualTo(elsewhere);
    }

    @Test
    void aKilledPartIsDeadUntilStartedAgainAndThenRunsItsStepsForAStartAgain() {
        AtomicInteger startsAgain = new AtomicInteger();
        RestartablePart<ManagedPart> part = new RestartablePart<>("sleeper", 1111, this::sleeper);
        part.afterStartAgain(running -> startsAgain.incrementAndGet());
        part.start();
        long first = part.pid().orElseThrow();

        assertThat(part.kill()).isEqualTo(first);

        await().atMost(Duration.ofSeconds(10)).until(() -> part.state() == RestartablePart.State.DEAD);
        assertThat(part.pid()).hasValue(first);
        assertThat(startsAgain).hasValue(0);
        assertThat(part.start()).isTrue();
        assertThat(part.pid().orElseThrow()).isNotEqualTo(first);
        assertThat(startsAgain).hasValue(1);
        assertThat(part.start()).as("a running part is not started twice").isFalse();
        part.stop();
    }

    @Test
    void aFrozenPartIsHeldBySigstopUntilThawedAndAStopThawsItFirst() throws IOException {
        RestartablePart<ManagedPart> part = new RestartablePart<>("sleeper", 1111, this::sleeper);
        part.start();
        long pid = part.pid().orElseThrow();

        assertThat(part.freeze()).isEqualTo(pid);

        assertThat(part.state()).isEqualTo(RestartablePart.State.FROZEN);
        await().atMost(Duration.ofSeconds(5)).until(() -> schedulerState(pid) == 'T');
        assertThatThrownBy(part::freeze).isInstanceOf(IllegalStateException.class)
                .hasMessage("sleeper is not running (frozen)");
        assertThat(part.thaw()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> schedulerState(pid) != 'T');
        assertThat(part.state()).isEqualTo(RestartablePart.State.RUNNING);
        assertThat(part.thaw()).as("not frozen any more").isFalse();

        part.freeze();
        long begin = System.nanoTime();
        assertThat(part.stop()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("a stop that did not wait out its grace")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(alive(pid)).isFalse();
    }

    @Test
    void aPartInsideThisJvmCanBeStoppedButNotKilled() {
        RestartablePart<ManagedPart> part = new RestartablePart<>("emulator", 2222, InThisJvm::new);
        part.start();

        assertThatThrownBy(part::kill).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("emulator runs inside the launcher: it can be stopped and started, not killed");
        assertThat(part.stop()).isTrue();
        assertThat(part.stop()).as("stopped already").isFalse();
        assertThatThrownBy(part::kill).isInstanceOf(IllegalStateException.class)
                .hasMessage("emulator is not running (stopped)");
    }

    /** As a test's outage has a part another class loader started: its PID, how it stops, how it starts. */
    private RestartablePart<ManagedPart> adopted(long pid) {
        return RestartablePart.running("sleeper", 1111, ManagedPart.ofPid("sleeper", "process:sleeper", pid,
                        stopped -> ProcessHandle.of(stopped).ifPresent(p -> ChildProcess.stop(p, Duration.ofSeconds(5)))),
                this::sleeper);
    }

    private long sleepElsewhere() throws IOException {
        long pid = new ProcessBuilder("sleep", "300").start().pid();
        started.add(pid);
        return pid;
    }

    private ManagedPart sleeper() {
        ProcessPart part = ProcessPart.start(new ProcessSpec("sleeper", List.of("sleep", "300"), directory, Map.of(),
                directory.resolve("sleeper.log"), "process:sleeper",
                new ReadinessProbe(Duration.ofSeconds(5), () -> true)));
        started.add(part.pid().orElseThrow());
        return part;
    }

    /** The process's state letter in {@code /proc/<pid>/stat}: {@code T} while stopped by a signal. */
    private static char schedulerState(long pid) throws IOException {
        String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static final class InThisJvm implements ManagedPart {

        @Override
        public String name() {
            return "emulator";
        }

        @Override
        public String address() {
            return "http://127.0.0.1:2222";
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public void close() {
        }
    }
}
