package io.comanda.platform.deadletters;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A replay Kafka may already have taken is waited for, even through a stop, never let go to be sent again. */
class ReplaysTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptedReplayStillWaitsForItsPendingSendAndKeepsTheInterrupt() {
        CompletableFuture<Void> send = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> send.complete(null), CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        Thread.currentThread().interrupt();

        assertThat(Replays.awaitSend(send, System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aSendKafkaRefusedIsAFailure() {
        CompletableFuture<Void> send = CompletableFuture.failedFuture(new IllegalStateException("not leader"));

        assertThat(Replays.awaitSend(send, System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).contains("not leader");
    }

    @Test
    void aSendNotTakenByTheDeadlineIsAFailure() {
        assertThat(Replays.awaitSend(new CompletableFuture<>(), System.nanoTime())).get().asString()
                .contains("did not take it");
    }
}
