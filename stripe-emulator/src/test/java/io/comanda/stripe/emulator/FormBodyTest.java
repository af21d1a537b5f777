package io.comanda.stripe.emulator;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's form-encoded request bodies, read into comparable parameters. */
class FormBodyTest {

    @Test
    void decodesNamesAndValuesIncludingNestedKeys() {
        assertThat(FormBody.parse("amount=6048&metadata%5Border_id%5D=o-1&description=two+espressos%21"))
                .containsExactly(entry("amount", "6048"), entry("description", "two espressos!"),
                        entry("metadata[order_id]", "o-1"));
    }

    @Test
    void theSameParametersInAnotherOrderAreEqual() {
        assertThat(FormBody.parse("currency=eur&amount=1")).isEqualTo(FormBody.parse("amount=1&currency=eur"));
    }

    @Test
    void aNameWithoutValueHasAnEmptyValue() {
        assertThat(FormBody.parse("confirm")).containsEntry("confirm", "");
    }

    @Test
    void anEmptyBodyHasNoParameters() {
        assertThat(FormBody.parse(null)).isEmpty();
        assertThat(FormBody.parse("  ")).isEmpty();
    }
}
