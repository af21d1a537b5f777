package io.comanda.platform.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntrustedTextTest {

    @Test
    void lineBreaksCannotStartAForgedLogLine() {
        assertThat(UntrustedText.of("io.comanda.order.placed.v1\r\n12:00:00 INFO [admin] granted"))
                .isEqualTo("io.comanda.order.placed.v1\\u000d\\u000a12:00:00 INFO [admin] granted")
                .doesNotContain("\n", "\r");
        assertThat(UntrustedText.of("a\u2028b\u2029c\u0085d")).isEqualTo("a\\u2028b\\u2029c\\u0085d");
    }

    @Test
    void terminalEscapesAndBidirectionalOverridesAreShownNotObeyed() {
        assertThat(UntrustedText.of("\u001b[31mred\u001b[0m")).isEqualTo("\\u001b[31mred\\u001b[0m");
        assertThat(UntrustedText.of("invoice\u202Efdp.exe")).isEqualTo("invoice\\u202efdp.exe");
    }

    @Test
    void longTextIsCutAndSaysHowLongItWas() {
        String cut = UntrustedText.of("x".repeat(10_000));
        assertThat(cut).startsWith("x".repeat(UntrustedText.MAX_LENGTH)).endsWith("...(10000 chars)");
        assertThat(cut.length()).isLessThan(UntrustedText.MAX_LENGTH + 20);
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertThat(UntrustedText.of("café ☕ 東京 \"quoted\" tab-free")).isEqualTo("café ☕ 東京 \"quoted\" tab-free");
        assertThat(UntrustedText.of(null)).isEqualTo("null");
    }
}
