package io.comanda.devstack.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./comanda cancel} takes one order id and a reason, in either order, and nothing else. */
class CancelArgumentsTest {

    private static final String ORDER = "3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b";

    @Test
    void readsAnOrderIdAndAReasonInEitherOrder() {
        CancelArguments expected = new CancelArguments(UUID.fromString(ORDER), "customer asked by phone");

        assertThat(CancelArguments.parse(List.of(ORDER, "--reason", "customer asked by phone"))).isEqualTo(expected);
        assertThat(CancelArguments.parse(List.of("--reason", "customer asked by phone", ORDER))).isEqualTo(expected);
    }

    @Test
    void refusesAMissingOrBlankReason() {
        assertThat(CancelArguments.parse(List.of(ORDER))).isNull();
        assertThat(CancelArguments.parse(List.of(ORDER, "--reason"))).isNull();
        assertThat(CancelArguments.parse(List.of(ORDER, "--reason", "  "))).isNull();
    }

    @Test
    void refusesAMissingMalformedOrSecondOrderIdAndUnknownOptions() {
        assertThat(CancelArguments.parse(List.of("--reason", "why"))).isNull();
        assertThat(CancelArguments.parse(List.of("not-an-order", "--reason", "why"))).isNull();
        assertThat(CancelArguments.parse(List.of("1-2-3-4-5", "--reason", "why"))).isNull();
        assertThat(CancelArguments.parse(List.of(ORDER, ORDER, "--reason", "why"))).isNull();
        assertThat(CancelArguments.parse(List.of(ORDER, "--reason", "why", "--force"))).isNull();
        assertThat(CancelArguments.parse(List.of(ORDER, "--reason", "one", "--reason", "two"))).isNull();
    }
}
