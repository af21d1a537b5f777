package io.comanda.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerShutdownTest {

    @Test
    void aStopWaitsForTheRecordsInFlightThenTakesNoNewOne() throws Exception {
        ConsumerShutdown shutdown = new ConsumerShutdown(Duration.ofSeconds(10));
        CompletableFuture<Void> handlerDone = new CompletableFuture<>();
        AtomicBoolean finished = new AtomicBoolean();
        shutdown.tracked(Uni.createFrom().completionStage(handlerDone)).subscribe().with(done -> finished.set(true));
        assertThat(shutdown.stopping()).isFalse();

        CompletableFuture<Long> stopped = CompletableFuture.supplyAsync(() -> {
            long begin = System.nanoTime();
            try {
                shutdown.stop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - begin;
        });
        Thread.sleep(300);

        assertThat(shutdown.stopping()).as("stopping as soon as told").isTrue();
        assertThat(stopped).as("waits while a record is in flight").isNotDone();
        handlerDone.complete(null);
        assertThat(Duration.ofNanos(stopped.get())).isLessThan(Duration.ofSeconds(5));
        assertThat(finished).isTrue();
    }

    @Test
    void aStopGivesUpOnARecordStillInFlightAfterTheDrain() throws Exception {
        ConsumerShutdown shutdown = new ConsumerShutdown(Duration.ofMillis(200));
        Cancellable stuck = shutdown.tracked(Uni.createFrom().nothing()).subscribe().with(done -> { });

        long begin = System.nanoTime();
        shutdown.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(3));
        stuck.cancel();
    }

    @Test
    void aHeldRecordIsNeverAckedNorNacked() {
        AtomicBoolean ended = new AtomicBoolean();
        ConsumerShutdown.held().subscribe().with(item -> ended.set(true), failure -> ended.set(true));

        assertThat(ended).isFalse();
    }
}
