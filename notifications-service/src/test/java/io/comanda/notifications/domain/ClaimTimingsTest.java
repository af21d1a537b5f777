package io.comanda.notifications.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timings that could send a mail twice are refused at start. */
class ClaimTimingsTest {

    @Test
    void theDefaultsAreAccepted() {
        assertThatCode(() -> timings(Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(15))).doesNotThrowAnyException();
    }

    @Test
    void aSendTimeoutOverHalfTheLeaseIsRefused() {
        assertThatThrownBy(() -> timings(Duration.ofSeconds(50), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(15))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("send-timeout");
    }

    @Test
    void aTakeoverWaitShorterThanTwoMarkRunsIsRefused() {
        assertThatThrownBy(() -> timings(Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(9))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unrecorded-every");
    }

    @Test
    void aTakeoverWaitAsLongAsTheLeaseIsRefused() {
        assertThatThrownBy(() -> timings(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than");
    }

    private static ClaimTimings timings(Duration lease, Duration sendTimeout, Duration unrecordedEvery,
                                        Duration takeoverWait) {
        return new ClaimTimings(lease, sendTimeout, unrecordedEvery, takeoverWait);
    }
}
