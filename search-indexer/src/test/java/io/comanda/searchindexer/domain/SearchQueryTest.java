package io.comanda.searchindexer.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTest {

    @Test
    void nothingGivenMeansTheNewestTwentyOfEveryStatus() {
        SearchQuery query = SearchQuery.parse(null, null, null, null, null, null, "alice");

        assertThat(query).isEqualTo(new SearchQuery(null, null, null, null, "alice", 20, null));
        assertThat(query.ranked()).isFalse();
    }

    @Test
    void readsEveryParameter() {
        String token = Cursor.afterRank(0.5f, UUID.randomUUID()).encode();

        SearchQuery query = SearchQuery.parse(" moka pot ", "confirmed", "2026-11-27", "2026-11-28T12:00:00+01:00",
                token, "100", null);

        assertThat(query.text()).isEqualTo("moka pot");
        assertThat(query.status()).isEqualTo(DocumentStatus.CONFIRMED);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-11-28T11:00:00Z"));
        assertThat(query.size()).isEqualTo(100);
        assertThat(query.after()).isEqualTo(Cursor.decode(token));
        assertThat(query.customerId()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"size,0", "size,101", "size,-1", "size,ten", "status,LOST", "from,yesterday", "to,27.11.2026",
            "page,bm9wZQ"})
    void refusesABadParameterNamingIt(String parameter, String value) {
        assertThatThrownBy(() -> parse(parameter, value))
                .isInstanceOfSatisfying(InvalidSearchException.class, e ->
                        assertThat(e.violations()).extracting(InvalidSearchException.Violation::parameter)
                                .containsExactly(parameter));
    }

    @Test
    void refusesAnEmptyTimeWindow() {
        assertThatThrownBy(() -> SearchQuery.parse(null, null, "2026-11-28", "2026-11-28", null, null, null))
                .isInstanceOfSatisfying(InvalidSearchException.class, e ->
                        assertThat(e.violations().get(0).parameter()).isEqualTo("to"));
    }

    @Test
    void refusesAPageTokenOfAnotherKindOfSearch() {
        String listing = Cursor.afterListed(Instant.now(), UUID.randomUUID()).encode();
        String ranked = Cursor.afterRank(0.1f, UUID.randomUUID()).encode();

        assertThatThrownBy(() -> SearchQuery.parse("moka", null, null, null, listing, null, null))
                .isInstanceOf(InvalidSearchException.class);
        assertThatThrownBy(() -> SearchQuery.parse(null, null, null, null, ranked, null, null))
                .isInstanceOf(InvalidSearchException.class);
    }

    @Test
    void refusesOverlongText() {
        assertThatThrownBy(() -> SearchQuery.parse("x".repeat(201), null, null, null, null, null, null))
                .isInstanceOf(InvalidSearchException.class);
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        assertThatThrownBy(() -> SearchQuery.parse(null, "LOST", null, null, null, "0", null))
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> assertThat(e.violations()).hasSize(2));
    }

    private static SearchQuery parse(String parameter, String value) {
        return switch (parameter) {
            case "size" -> SearchQuery.parse(null, null, null, null, null, value, null);
            case "status" -> SearchQuery.parse(null, value, null, null, null, null, null);
            case "from" -> SearchQuery.parse(null, null, value, null, null, null, null);
            case "to" -> SearchQuery.parse(null, null, null, value, null, null, null);
            default -> SearchQuery.parse(null, null, null, null, value, null, null);
        };
    }
}
