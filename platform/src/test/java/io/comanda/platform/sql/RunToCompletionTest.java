package io.comanda.platform.sql;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RunToCompletionTest {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    // Work in progress, such as a session still waiting for its connection, that notes how it ended.
    private Uni<String> work() {
        return Uni.createFrom().item("done").onItem().delayIt().by(Duration.ofMillis(200))
                .invoke(() -> finished.set(true))
                .onCancellation().invoke(() -> cancelled.set(true));
    }

    @Test
    void aCallerThatCancelsDoesNotCancelTheWork() {
        Cancellable caller = RunToCompletion.of(this::work).subscribe().with(item -> { });
        caller.cancel();

        await().atMost(Duration.ofSeconds(5)).untilTrue(finished);
        assertThat(cancelled).isFalse();
    }

    @Test
    void withoutItTheCallersCancellationReachesTheWork() {
        // What Quarkus REST does to a request's Uni when its client goes away.
        Cancellable caller = work().subscribe().with(item -> { });
        caller.cancel();

        assertThat(cancelled).isTrue();
        assertThat(finished).isFalse();
    }

    @Test
    void aCallerThatWaitsGetsTheWorksItemOrFailure() {
        assertThat(RunToCompletion.of(this::work).await().atMost(Duration.ofSeconds(5))).isEqualTo("done");

        AtomicReference<Throwable> failure = new AtomicReference<>();
        RunToCompletion.of(() -> Uni.createFrom().<String>failure(new IllegalStateException("no row")))
                .subscribe().with(item -> { }, failure::set);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(failure.get()).hasMessage("no row"));
    }
}
