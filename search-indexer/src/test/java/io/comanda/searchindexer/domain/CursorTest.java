package io.comanda.searchindexer.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    private static final UUID ORDER = UUID.fromString("3f0e4b52-8c1d-4a5e-9b7e-2f6a1c0d9e11");

    @Test
    void aRankCursorComesBackExactly() {
        Cursor cursor = Cursor.afterRank(0.0607927f, ORDER);

        Cursor decoded = Cursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(Float.floatToIntBits(decoded.rank())).isEqualTo(Float.floatToIntBits(0.0607927f));
    }

    @Test
    void aListingCursorKeepsMicroseconds() {
        Cursor cursor = Cursor.afterListed(Instant.parse("2026-11-27T10:15:30.123456789Z"), ORDER);

        assertThat(Cursor.decode(cursor.encode()).listedAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30.123456Z"));
    }

    @Test
    void theTokenIsUrlSafe() {
        assertThat(Cursor.afterRank(1e-20f, ORDER).encode()).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.afterListed(Instant.EPOCH, ORDER).encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void foreignTextIsNotACursor() {
        assertThatThrownBy(() -> Cursor.decode("not-a-token")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cursor.decode("eDoxOjI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cursor.decode("")).isInstanceOf(IllegalArgumentException.class);
    }
}
