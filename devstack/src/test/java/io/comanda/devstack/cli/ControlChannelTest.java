package io.comanda.devstack.cli;

import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.clients.PartCommand;
import io.comanda.devstack.clients.PartStatus;
import io.comanda.devstack.parts.ProcessPart;
import io.comanda.devstack.parts.ProcessSpec;
import io.comanda.devstack.parts.ReadinessProbe;
import io.comanda.devstack.parts.RestartablePart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's control channel over HTTP, against parts that are real child processes: one that stops
 * on SIGTERM, one that ignores it (only SIGKILL ends it).
 */
class ControlChannelTest {

    @TempDir
    Path home;

    private final AtomicInteger startsAgain = new AtomicInteger();
    private RestartablePart<ProcessPart> sleeper;
    private RestartablePart<ProcessPart> stubborn;
    private ControlServer server;
    private ControlClient client;

    @BeforeEach
    void startParts() {
        sleeper = new RestartablePart<>("sleeper", 1111, () -> part("sleeper", "exec sleep 300"));
        stubborn = new RestartablePart<>("stubborn", 2222,
                () -> part("stubborn-part", "trap '' TERM; while :; do sleep 1; done"));
        sleeper.afterStartAgain(part -> startsAgain.incrementAndGet());
        sleeper.start();
        stubborn.start();
        server = ControlServer.open(home, 0, () -> List.of(sleeper, stubborn));
        client = ControlClient.of(home).orElseThrow();
    }

    @AfterEach
    void stopParts() {
        server.close();
        sleeper.stop();
        stubborn.current().ifPresent(ProcessPart::kill);
    }

    @Test
    void statusListsEachPartWithItsStatePidAndPort() {
        assertThat(client.parts()).containsExactly(
                new PartStatus("sleeper", "running", pidOf(sleeper), 1111),
                new PartStatus("stubborn", "running", pidOf(stubborn), 2222));
    }

    @Test
    void killEndsAPartThatIgnoresSigtermAtOnceAndLeavesTheOthersRunning() {
        long pid = pidOf(stubborn);

        ControlClient.Reply reply = client.send(new PartCommand(PartCommand.Action.KILL, "stubborn"));

        assertThat(reply.succeeded()).isTrue();
        assertThat(reply.message()).startsWith("killed stubborn (pid " + pid + ") with SIGKILL");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(client.parts()).containsExactly(
                new PartStatus("sleeper", "running", pidOf(sleeper), 1111),
                new PartStatus("stubborn", "dead", pid, 2222));
    }

    @Test
    void aKilledPartStaysDeadUntilStartedAgain() {
        long pid = pidOf(sleeper);
        client.send(new PartCommand(PartCommand.Action.KILL, "sleeper"));

        // Past the watchdog's one-second poll: nothing brings the part back by itself.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> client.parts().get(0).state().equals("dead"));
        ControlClient.Reply started = client.send(new PartCommand(PartCommand.Action.START, "sleeper"));

        assertThat(started.succeeded()).isTrue();
        assertThat(started.part().state()).isEqualTo("running");
        assertThat(started.part().pid()).isNotEqualTo(pid);
        assertThat(startsAgain).hasValue(1);
    }

    @Test
    void stopEndsThePartAndStartRunsItAgain() {
        long pid = pidOf(sleeper);

        ControlClient.Reply stopped = client.send(new PartCommand(PartCommand.Action.STOP, "sleeper"));

        assertThat(stopped.message()).startsWith("stopped sleeper in ");
        assertThat(stopped.part()).isEqualTo(new PartStatus("sleeper", "stopped", null, 1111));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(client.send(new PartCommand(PartCommand.Action.STOP, "sleeper")).message())
                .startsWith("sleeper was stopped already");

        ControlClient.Reply started = client.send(new PartCommand(PartCommand.Action.START, "sleeper"));

        assertThat(started.message()).startsWith("started sleeper (pid " + pidOf(sleeper) + ")");
        assertThat(ProcessHandle.of(pidOf(sleeper)).map(ProcessHandle::isAlive)).contains(true);
        assertThat(startsAgain).hasValue(1);
    }

    @Test
    void restartRunsANewProcessInPlaceOfTheOld() {
        long pid = pidOf(sleeper);

        ControlClient.Reply restarted = client.send(new PartCommand(PartCommand.Action.RESTART, "sleeper"));

        assertThat(restarted.succeeded()).isTrue();
        assertThat(restarted.part().pid()).isNotEqualTo(pid).isEqualTo(pidOf(sleeper));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void aPartIsFoundByItsOwnNameToo() {
        ControlClient.Reply reply = client.send(new PartCommand(PartCommand.Action.KILL, "stubborn-part"));

        assertThat(reply.succeeded()).isTrue();
        assertThat(reply.part().part()).isEqualTo("stubborn");
    }

    @Test
    void killingAStoppedPartIsRefused() {
        client.send(new PartCommand(PartCommand.Action.STOP, "sleeper"));

        ControlClient.Reply reply = client.send(new PartCommand(PartCommand.Action.KILL, "sleeper"));

        assertThat(reply.httpStatus()).isEqualTo(409);
        assertThat(reply.message()).isEqualTo("sleeper is not running (stopped)");
    }

    @Test
    void anUnknownPartIsAnsweredWithTheNamesTheLauncherKnows() {
        ControlClient.Reply reply = client.send(new PartCommand(PartCommand.Action.STOP, "orders"));

        assertThat(reply.httpStatus()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("no part orders; one of [sleeper, stubborn]");
    }

    @Test
    void theCommandLinePrintsTheLaunchersAnswerAndExitsWithItsOutcome() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long pid = pidOf(stubborn);

        int killed = PartCommand.run(List.of("kill", "stubborn"), Optional.of(client), new PrintStream(out, true));
        int killedAgain = PartCommand.run(List.of("kill", "stubborn"), Optional.of(client), new PrintStream(out, true));

        assertThat(killed).isZero();
        assertThat(killedAgain).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(2).satisfiesExactly(
                line -> assertThat(line).startsWith("killed stubborn (pid " + pid + ") with SIGKILL in "),
                line -> assertThat(line).isEqualTo("stubborn is not running (dead)"));
    }

    @Test
    void statusPrintsOneLinePerPart() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PartStatus.print(new PrintStream(out, true), client.parts());

        assertThat(out.toString().lines()).containsExactly(
                "  part             state     pid      port",
                String.format("  sleeper          running   %-8d 1111", pidOf(sleeper)),
                String.format("  stubborn         running   %-8d 2222", pidOf(stubborn)));
    }

    private ProcessPart part(String name, String script) {
        return ProcessPart.start(new ProcessSpec(name, List.of("/bin/sh", "-c", script), home.resolve(name), Map.of(),
                home.resolve(name + ".log"), "process:" + name, new ReadinessProbe(Duration.ofSeconds(5), () -> true)));
    }

    private static long pidOf(RestartablePart<ProcessPart> part) {
        return part.current().orElseThrow().pid().orElseThrow();
    }
}
