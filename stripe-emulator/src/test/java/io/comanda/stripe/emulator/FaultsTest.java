package io.comanda.stripe.emulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected failures that a test can count on: scripted, or drawn from a seed. */
class FaultsTest {

    @Test
    void noFaultsByDefault() {
        assertThat(statuses(new Faults(), 1000)).containsOnly(0);
    }

    @Test
    void scriptedFailuresAnswerTheNextRequestsAlternatingServerErrorAndRateLimit() {
        Faults faults = new Faults();
        faults.failNext(3);

        assertThat(statuses(faults, 5)).containsExactly(500, 429, 500, 0, 0);
        assertThat(faults.scriptedFailuresLeft()).isZero();
    }

    @Test
    void scriptedFailuresComeBeforeTheRate() {
        Faults faults = new Faults();
        faults.set(0, 1.0);
        faults.failNext(2);

        List<Integer> statuses = statuses(faults, 4);
        assertThat(statuses.subList(0, 2)).containsExactly(500, 429);
        assertThat(statuses.subList(2, 4)).allSatisfy(status -> assertThat(status).isIn(500, 429));
    }

    @Test
    void newSettingsCancelScriptedFailuresStillToCome() {
        Faults faults = new Faults();
        faults.failNext(5);
        faults.nextFailureStatus();

        faults.set(0, 0);

        assertThat(faults.scriptedFailuresLeft()).isZero();
        assertThat(statuses(faults, 3)).containsOnly(0);
    }

    @Test
    void theSameSeedFailsTheSameRequestsTheSameWay() {
        Faults first = new Faults();
        first.set(0, 0.5, 42L);
        Faults second = new Faults();
        second.set(0, 0.5, 42L);

        List<Integer> firstRun = statuses(first, 200);

        assertThat(statuses(second, 200)).isEqualTo(firstRun);
        assertThat(firstRun).contains(0, 500, 429);
    }

    @Test
    void aSeededRateFailsAboutThatShareOfRequests() {
        Faults faults = new Faults();
        faults.set(0, 0.25, 7L);

        long failed = statuses(faults, 4000).stream().filter(status -> status != 0).count();

        assertThat(failed).isBetween(900L, 1100L);
        assertThat(faults.seed()).isEqualTo(7L);
    }

    @Test
    void rateOfOneFailsEveryRequest() {
        Faults faults = new Faults();
        faults.set(0, 1.0);

        assertThat(statuses(faults, 100)).doesNotContain(0);
    }

    @Test
    void refusesImpossibleSettings() {
        Faults faults = new Faults();

        assertThatThrownBy(() -> faults.set(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.set(0, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.set(0, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.failNext(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> statuses(Faults faults, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(faults.nextFailureStatus());
        }
        return statuses;
    }
}
