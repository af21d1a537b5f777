package io.comanda.searchindexer.api;

import io.comanda.searchindexer.domain.Cursor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NextLinkTest {

    @Test
    void keepsTheSearchAndReplacesThePage() {
        Cursor next = Cursor.afterRank(0.25f, UUID.randomUUID());

        String link = NextLink.of("/search/orders", Map.of("q", List.of("moka pot"), "size", List.of("2"),
                "page", List.of("old")), next);

        assertThat(link).isEqualTo("/search/orders?q=moka+pot&size=2&page=" + next.encode());
    }
}
