package io.comanda.devstack.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak's growth verdict on crafted samples: memory and the tables the run outlives flat within 10 %
 * from a point after the warm-up, a part started again measured from its own warm-up, WAL under its limit.
 */
class GrowthVerdictTest {

    private static final SoakSettings SETTINGS = SoakSettings.of(Duration.ofMinutes(30)).withWarmUp(Duration.ofMinutes(5))
            .withRetained(Set.of("outbox")).withWalLimitMib(100);
    private static final long MIB = 1024 * 1024;

    private final List<StackSample> samples = new ArrayList<>();

    @Test
    void memoryWithinTenPercentOfItsWarmUpIsFlat() {
        memory(0, 100, 200);
        memory(5, 100, 300);
        memory(30, 100, 325);

        GrowthCheck check = only("memory", "orders");

        assertThat(check.judged()).isTrue();
        assertThat(check.ok()).isTrue();
        assertThat(check.from()).isEqualTo("300 MiB");
        assertThat(check.growthPct()).hasValueCloseTo(8.3, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void memoryGrowingPastTenPercentIsNotFlat() {
        memory(0, 100, 200);
        memory(5, 100, 300);
        memory(30, 100, 340);

        assertThat(only("memory", "orders").ok()).isFalse();
        assertThat(GrowthVerdict.bounded(GrowthVerdict.judge(samples, SETTINGS))).isFalse();
        assertThat(GrowthVerdict.largestMemoryGrowth(GrowthVerdict.judge(samples, SETTINGS)))
                .isCloseTo(13.3, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void theStripeEmulatorKeepingEveryChargeIsShownNotJudged() {
        for (int minute : new int[] {0, 5, 30}) {
            samples.add(sample(minute, Map.of("stripe", new StackSample.PartMemory(100, 100 + 10L * minute)),
                    Map.of(), Map.of()));
        }

        GrowthCheck check = only("memory", "stripe");

        assertThat(check.judged()).isFalse();
        assertThat(check.growthPct()).hasValueCloseTo(166.7, org.assertj.core.data.Offset.offset(0.1));
        assertThat(check.note()).contains("outside service");
        assertThat(GrowthVerdict.bounded(GrowthVerdict.judge(samples, SETTINGS))).isTrue();
        assertThat(GrowthVerdict.largestMemoryGrowth(GrowthVerdict.judge(samples, SETTINGS))).isZero();
    }

    @Test
    void aPartStartedAgainIsMeasuredFromItsOwnWarmUp() {
        memory(0, 100, 300);
        memory(5, 100, 300);
        memory(10, 200, 150);
        memory(14, 200, 250);
        memory(15, 200, 400);
        memory(30, 200, 420);

        GrowthCheck check = only("memory", "orders");

        assertThat(check.from()).isEqualTo("400 MiB");
        assertThat(check.ok()).isTrue();
    }

    @Test
    void aPartStartedAgainTooLateToWarmUpIsShownNotJudged() {
        memory(0, 100, 300);
        memory(10, 100, 300);
        memory(27, 200, 100);
        memory(30, 200, 400);

        GrowthCheck check = only("memory", "orders");

        assertThat(check.judged()).isFalse();
        assertThat(check.ok()).isTrue();
        assertThat(check.note()).contains("started again at 27:00");
    }

    @Test
    void aRunShorterThanTheWarmUpJudgesNoMemory() {
        memory(0, 100, 100);
        memory(3, 100, 400);

        assertThat(only("memory", "orders").judged()).isFalse();
    }

    @Test
    void aTableTheRunOutlivesMustStayFlat() {
        rows(0, 100);
        rows(5, 1000);
        rows(30, 1200);

        GrowthCheck check = only("rows", "orders.outbox");

        assertThat(check.judged()).isTrue();
        assertThat(check.ok()).isFalse();
    }

    @Test
    void aTableKeptLongerThanTheRunIsShownNotJudged() {
        samples.add(sample(0, Map.of(), Map.of("orders.customer_order", 100L), Map.of()));
        samples.add(sample(5, Map.of(), Map.of("orders.customer_order", 6000L), Map.of()));
        samples.add(sample(30, Map.of(), Map.of("orders.customer_order", 36000L), Map.of()));

        GrowthCheck check = only("rows", "orders.customer_order");

        assertThat(check.judged()).isFalse();
        assertThat(check.ok()).isTrue();
    }

    @Test
    void walRetainedAfterTheWarmUpMustStayUnderItsLimit() {
        // Before the warm-up (a slot catching up after a fault) it may hold more.
        samples.add(sample(1, Map.of(), Map.of(), Map.of("orders_outbox", 500 * MIB)));
        samples.add(sample(10, Map.of(), Map.of(), Map.of("orders_outbox", 90 * MIB)));
        samples.add(sample(30, Map.of(), Map.of(), Map.of("orders_outbox", 20 * MIB)));

        assertThat(only("wal", "orders_outbox").ok()).isTrue();
        assertThat(GrowthVerdict.largestWalRetainedMib(samples, SETTINGS)).isEqualTo(90);

        samples.add(sample(31, Map.of(), Map.of(), Map.of("orders_outbox", 101 * MIB)));

        assertThat(only("wal", "orders_outbox").ok()).isFalse();
    }

    @Test
    void aSampleThatCouldNotReadTheDatabaseIsNotTheWarmUpPoint() {
        rows(0, 100);
        samples.add(sample(5, Map.of(), Map.of(), Map.of()));
        rows(6, 1000);
        rows(30, 1050);

        GrowthCheck check = only("rows", "orders.outbox");

        assertThat(check.from()).isEqualTo("1000");
        assertThat(check.ok()).isTrue();
    }

    private GrowthCheck only(String kind, String subject) {
        List<GrowthCheck> found = GrowthVerdict.judge(samples, SETTINGS).stream()
                .filter(check -> check.kind().equals(kind) && check.subject().equals(subject)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void memory(int minute, long pid, long rssMib) {
        samples.add(sample(minute, Map.of("orders", new StackSample.PartMemory(pid, rssMib)), Map.of(), Map.of()));
    }

    private void rows(int minute, long outbox) {
        samples.add(sample(minute, Map.of(), Map.of("orders.outbox", outbox), Map.of()));
    }

    private static StackSample sample(int minute, Map<String, StackSample.PartMemory> memory, Map<String, Long> rows,
                                      Map<String, Long> wal) {
        return new StackSample(Duration.ofMinutes(minute), memory, rows, Map.of(), wal, Map.of());
    }
}
