package io.comanda.stripe.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.comanda.stripe.emulator.CreateFault.EXECUTED_THEN_500;
import static io.comanda.stripe.emulator.CreateFault.EXECUTED_THEN_TIMEOUT;
import static io.comanda.stripe.emulator.CreateFault.NONE;
import static io.comanda.stripe.emulator.CreateFault.RATE_LIMITED;
import static io.comanda.stripe.emulator.CreateFault.REFUSED_500;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which fault each create meets: the script first, then the transient failures, then the ambiguous rate. */
class CreateFaultsTest {

    private final Faults faults = new Faults();

    @Test
    void noCreateFaultsByDefault() {
        assertThat(creates(1000)).containsOnly(NONE);
    }

    @Test
    void theScriptAnswersTheNextCreatesInOrderBeforeScriptedFailuresAndRates() {
        faults.set(0, 0, 1L);
        faults.ambiguousRate(1.0, Set.of());
        faults.failNext(1);
        faults.script(List.of(EXECUTED_THEN_500, NONE, EXECUTED_THEN_TIMEOUT, REFUSED_500, RATE_LIMITED));

        List<CreateFault> answered = creates(7);

        assertThat(answered.subList(0, 6)).containsExactly(EXECUTED_THEN_500, NONE, EXECUTED_THEN_TIMEOUT, REFUSED_500,
                RATE_LIMITED, REFUSED_500);
        assertThat(answered.get(6)).isIn(EXECUTED_THEN_500, EXECUTED_THEN_TIMEOUT);
        assertThat(faults.script()).isEmpty();
    }

    @Test
    void theScriptIsForCreatesOnlyOtherRequestsDoNotTakeItsEntries() {
        faults.script(List.of(EXECUTED_THEN_500));

        assertThat(faults.nextFailureStatus()).isZero();

        assertThat(faults.script()).containsExactly(EXECUTED_THEN_500);
        assertThat(faults.nextCreateFault()).isEqualTo(EXECUTED_THEN_500);
    }

    @Test
    void theSameSeedAnswersTheSameCreatesAmbiguouslyTheSameWay() {
        Faults other = new Faults();
        for (Faults each : List.of(faults, other)) {
            each.set(0, 0.1, 42L);
            each.ambiguousRate(0.3, Set.of());
        }

        List<CreateFault> firstRun = creates(300);
        List<CreateFault> secondRun = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            secondRun.add(other.nextCreateFault());
        }

        assertThat(secondRun).isEqualTo(firstRun);
        assertThat(firstRun).contains(NONE, EXECUTED_THEN_500, EXECUTED_THEN_TIMEOUT, REFUSED_500, RATE_LIMITED);
    }

    @Test
    void aSeededAmbiguousRateAnswersAboutThatShareOfCreates() {
        faults.set(0, 0, 7L);
        faults.ambiguousRate(0.01, Set.of());

        long ambiguous = creates(20_000).stream().filter(CreateFault::ambiguous).count();

        assertThat(ambiguous).isBetween(150L, 250L);
    }

    @Test
    void theAmbiguousKindsNamedAreTheOnlyOnesDrawn() {
        faults.ambiguousRate(1.0, Set.of(EXECUTED_THEN_TIMEOUT));

        assertThat(creates(100)).containsOnly(EXECUTED_THEN_TIMEOUT);
        assertThat(faults.ambiguousKinds()).containsExactly(EXECUTED_THEN_TIMEOUT);
    }

    @Test
    void withoutAnAmbiguousRateSeededCreatesFailAsSeededRequestsDo() {
        Faults requests = new Faults();
        requests.set(0, 0.5, 3L);
        faults.set(0, 0.5, 3L);

        for (int i = 0; i < 200; i++) {
            int status = requests.nextFailureStatus();
            assertThat(faults.nextCreateFault()).isEqualTo(status == 500 ? REFUSED_500 : status == 429 ? RATE_LIMITED : NONE);
        }
    }

    @Test
    void injectedFaultsAreCountedByKindUntilTheSettingsAreReplaced() {
        faults.script(List.of(EXECUTED_THEN_500, EXECUTED_THEN_500, EXECUTED_THEN_TIMEOUT, NONE));
        creates(4).forEach(faults::countInjected);
        faults.failNext(2);
        faults.nextFailureStatus();
        faults.nextFailureStatus();

        assertThat(faults.injected()).isEqualTo(Map.of(EXECUTED_THEN_500, 2L, EXECUTED_THEN_TIMEOUT, 1L,
                REFUSED_500, 1L, RATE_LIMITED, 1L));

        faults.set(0, 0);

        assertThat(faults.injected()).containsOnlyKeys(EXECUTED_THEN_500, EXECUTED_THEN_TIMEOUT, REFUSED_500, RATE_LIMITED)
                .allSatisfy((kind, count) -> assertThat(count).isZero());
        assertThat(faults.script()).isEmpty();
        assertThat(faults.ambiguousRate()).isZero();
    }

    @Test
    void aDrawnCreateFaultCountsOnlyOnceItTookEffect() {
        faults.script(List.of(EXECUTED_THEN_500));

        faults.nextCreateFault();

        assertThat(faults.injected().get(EXECUTED_THEN_500)).isZero();
    }

    @Test
    void newSettingsKeepTheHangTime() {
        faults.hang(Duration.ofMillis(300));

        faults.set(0, 0);

        assertThat(faults.hang()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aSearchLagOfAMinuteAndAHangOfThirtySecondsByDefault() {
        assertThat(new SearchLag().get()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new SearchLag().initial()).isEqualTo(Duration.ofMinutes(1));
        assertThat(faults.hang()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesImpossibleCreateFaultSettings() {
        assertThatThrownBy(() -> faults.ambiguousRate(1.5, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.ambiguousRate(0.1, Set.of(REFUSED_500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.hang(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchLag().set(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreateFault.ofJsonName("executedTwice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("executedThenTimeout");
    }

    private List<CreateFault> creates(int count) {
        List<CreateFault> answered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answered.add(faults.nextCreateFault());
        }
        return answered;
    }
}
