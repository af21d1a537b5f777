package io.comanda.devstack.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The soak's options: a duration alone gives the documented defaults; each option changes one setting. */
class SoakArgumentsTest {

    @Test
    void aDurationAloneRunsTwentyOrdersASecondWithAFaultEveryThreeMinutes() {
        SoakSettings settings = SoakArguments.parse(List.of("--soak", "30m"));

        assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.ordersPerSecond()).isEqualTo(20);
        assertThat(settings.faultEvery()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.sampleEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.warmUp()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.retained()).isEmpty();
        assertThat(settings.walLimitMib()).isEqualTo(256);
    }

    @Test
    void eachOptionSetsItsSetting() {
        SoakSettings settings = SoakArguments.parse(List.of("--rate", "5", "--soak", "2h", "--fault-every", "90s",
                "--sample-every", "30s", "--warm-up", "10m", "--retained", "outbox,orders.idempotency_record",
                "--retained", "inbox", "--wal-limit-mb", "64"));

        assertThat(settings.duration()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.ordersPerSecond()).isEqualTo(5);
        assertThat(settings.faultSettings().ordersPerSecond()).isEqualTo(5);
        assertThat(settings.faultEvery()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.sampleEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.warmUp()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.retained()).containsExactlyInAnyOrder("outbox", "orders.idempotency_record", "inbox");
        assertThat(settings.walLimitMib()).isEqualTo(64);
    }

    @Test
    void aBareTableNameMeansThatTableInEveryDatabase() {
        SoakSettings settings = SoakArguments.parse(List.of("--soak", "30m", "--retained", "outbox,orders.inbox"));

        assertThat(settings.isRetained("orders.outbox")).isTrue();
        assertThat(settings.isRetained("payments.outbox")).isTrue();
        assertThat(settings.isRetained("orders.inbox")).isTrue();
        assertThat(settings.isRetained("payments.inbox")).isFalse();
        assertThat(settings.isRetained("orders.customer_order")).isFalse();
    }

    @Test
    void noFaultIsInjectedTooLateForThePartItRestartsToWarmUpBeforeTheEnd() {
        SoakSettings settings = SoakArguments.parse(List.of("--soak", "30m"));

        assertThat(settings.roomForFault(Duration.ofMinutes(6))).isTrue();
        assertThat(settings.roomForFault(Duration.ofMinutes(6).minusSeconds(1))).isFalse();
    }

    @Test
    void aLongIntervalLeavesHalfOfItAfterTheLastFault() {
        SoakSettings settings = SoakArguments.parse(List.of("--soak", "2h", "--fault-every", "20m"));

        assertThat(settings.roomForFault(Duration.ofMinutes(10))).isTrue();
        assertThat(settings.roomForFault(Duration.ofMinutes(9))).isFalse();
    }

    @Test
    void asksForASoakOnlyWithTheSoakOption() {
        assertThat(SoakArguments.asksForSoak(List.of("--short"))).isFalse();
        assertThat(SoakArguments.asksForSoak(List.of("--soak", "30m"))).isTrue();
    }

    @Test
    void refusesWhatIsNotASoakSetting() {
        assertThatThrownBy(() -> SoakArguments.parse(List.of("--soak"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoakArguments.parse(List.of("--soak", "30 minutes")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoakArguments.parse(List.of("--soak", "30m", "--short", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoakArguments.parse(List.of("--soak", "30m", "--rate")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoakArguments.parse(List.of("--soak", "30m", "--rate", "0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoakArguments.parse(List.of("--soak", "30s")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
