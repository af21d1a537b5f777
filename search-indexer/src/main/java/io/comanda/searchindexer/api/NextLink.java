package io.comanda.searchindexer.api;

import io.comanda.searchindexer.domain.Cursor;
import jakarta.ws.rs.core.UriInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The link to the next page: the same search, with the page token of where this page ended. */
final class NextLink {

    private NextLink() {
    }

    static String of(UriInfo uri, Cursor next) {
        return of(uri.getPath(), uri.getQueryParameters(), next);
    }

    static String of(String path, Map<String, List<String>> parameters, Cursor next) {
        String kept = parameters.entrySet().stream()
                .filter(e -> !e.getKey().equals("page"))
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return path + "?" + (kept.isEmpty() ? "" : kept + "&") + "page=" + next.encode();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
