package io.comanda.devstack.parts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one start sequence of every part: ready when its probe passes, stopped when it never does. */
class ManagedPartTest {

    @Test
    void aPartIsReadyOnceItsProbePasses() {
        AtomicInteger probes = new AtomicInteger();
        FakePart part = new FakePart();

        FakePart ready = ManagedPart.awaitReady(part,
                new ReadinessProbe(Duration.ofSeconds(10), () -> probes.incrementAndGet() == 3));

        assertThat(ready).isSameAs(part);
        assertThat(probes).hasValue(3);
        assertThat(part.closes).isZero();
    }

    @Test
    void aPartThatNeverBecomesReadyIsStoppedAndItsLogNamed() {
        FakePart part = new FakePart();

        assertThatThrownBy(() -> ManagedPart.awaitReady(part, new ReadinessProbe(Duration.ofMillis(600), () -> {
            throw new IllegalStateException("connection refused");
        })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("fake was not ready after 0 s")
                .hasMessageContaining("connection refused")
                .hasMessageEndingWith("; see " + FakePart.LOG);
        assertThat(part.closes).isEqualTo(1);
    }

    @Test
    void aPartThatDiesWhileStartingEndsTheWaitAtOnceAndIsStopped() {
        FakePart part = new FakePart();
        part.dead = true;
        long begin = System.nanoTime();

        assertThatThrownBy(() -> ManagedPart.awaitReady(part, new ReadinessProbe(Duration.ofSeconds(30), () -> false)))
                .hasMessage("fake died");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        assertThat(part.closes).isEqualTo(1);
    }

    private static final class FakePart implements ManagedPart {
        static final Path LOG = Path.of("target", "fake.log");
        int closes;
        boolean dead;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String address() {
            return "fake://";
        }

        @Override
        public Optional<Path> logFile() {
            return Optional.of(LOG);
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public void requireRunning() {
            if (dead) {
                throw new IllegalStateException("fake died");
            }
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
