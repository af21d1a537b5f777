package io.comanda.devstack.clients;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated corpus of bad requests for one HTTP endpoint, for tests that hold a service to "every
 * bad input is a clear 4xx in problem+json": the body's JSON with each value replaced by each wrong
 * kind (fractions, numbers as text, text as numbers, U+0000, lone surrogates, huge values, null,
 * arrays, objects), bodies of the wrong shape, random bytes, deep nesting and oversized bodies, wrong
 * content types, paging parameters out of range, bad path segments and oversized headers. Seeded, so
 * a failure names a request that can be sent again. {@link MalformedRequestSender} sends them.
 */
public final class MalformedRequests {

    private static final Pattern LEAF = Pattern.compile(
            "(?<=[:\\[,]\\s{0,8})(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null)");
    private static final List<String> WRONG_VALUES = List.of(
            "1.9", "\"2\"", "2", "-1", "0", "true", "null", "[]", "{}", "\"\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"\\udc00x\"", "1e400", "9223372036854775808", "2147483648", "-2147483649", "[1,2]", "{\"x\":1}",
            "\"" + "x".repeat(5_000) + "\"", "\"\u00e9\u4e2d\ud83d\ude00\"", "\"<script>\"", "\"' or 1=1 --\"");
    private static final List<String> WRONG_BODIES = List.of(
            "42", "\"a string\"", "true", "false", "null", "[]", "[{}]", "{", "}", "{\"a\":", "{}", "{} {}", "[1,2",
            "{\"a\":1,}", "{'a':1}", "\ufeff{}", "{\"\\u0000\":1}", "NaN", "Infinity", "-", "\"\\ud800\"",
            "[" .repeat(2_000) + "]".repeat(2_000), "{\"a\":" .repeat(1_500) + "1" + "}".repeat(1_500),
            "[" .repeat(60_000));
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=ISO-8859-1", "application/octet-stream", "*/*", "application/problem+json",
            "json", "application/json; charset=nonsense");
    private static final List<String> BAD_PARAMETER_VALUES = List.of(
            "-1", "0", "2147483647", "2147483648", "9223372036854775808", "1e3", "1.5", "abc", "%00", "%ED%A0%80",
            "%FF", "", "%20", "x".repeat(3_000), "null", "true", "[]", "%27%20or%201%3D1", "..%2F..", "%0d%0aX:1");
    private static final List<String> BAD_PATH_SEGMENTS = List.of(
            "not-a-uuid", "%00", "%ED%A0%80", "%FF", "x".repeat(3_000), "..", "%2e%2e%2f", "00000000-0000-0000-0000",
            "00000000-0000-0000-0000-0000000000000", "g0000000-0000-0000-0000-000000000000", "%20", "-1", "1.5");

    private MalformedRequests() {
    }

    /**
     * One request to send.
     *
     * @param description what is wrong with it, to name it in a failure
     * @param method      the HTTP method
     * @param path        the path and query, already percent-encoded
     * @param contentType the Content-Type header, or null for none
     * @param body        the body bytes, or null for none
     * @param headers     extra headers
     */
    public record MalformedRequest(String description, String method, String path, String contentType, byte[] body,
                                   Map<String, String> headers) {
    }

    /**
     * @param method          the endpoint's method
     * @param pathTemplate    its path, with {@code {name}} for path parameters
     * @param pathExamples    a valid value per path parameter
     * @param queryParameters the query parameters it reads (their values are mutated), may be empty
     * @param validBody       a valid JSON body, or null for an endpoint without one
     * @param atLeast         pad with seeded random bodies and queries up to this many requests
     */
    public static List<MalformedRequest> forEndpoint(String method, String pathTemplate, Map<String, String> pathExamples,
                                                     List<String> queryParameters, String validBody, int atLeast) {
        Random random = new Random(pathTemplate.hashCode() * 31L + method.hashCode());
        String path = fill(pathTemplate, pathExamples);
        List<MalformedRequest> corpus = new ArrayList<>();
        if (validBody != null) {
            addBodyMutations(corpus, method, path, validBody);
        }
        for (String parameter : queryParameters) {
            for (String value : BAD_PARAMETER_VALUES) {
                corpus.add(request("query " + parameter + "=" + abbreviate(value), method,
                        path + "?" + parameter + "=" + value, validBody));
            }
            corpus.add(request("query " + parameter + " twice", method,
                    path + "?" + parameter + "=1&" + parameter + "=2", validBody));
        }
        corpus.add(request("unknown query parameter", method, path + "?unknown=1&page_size=x", validBody));
        for (String name : pathExamples.keySet()) {
            for (String segment : BAD_PATH_SEGMENTS) {
                corpus.add(request("path " + name + "=" + abbreviate(segment), method,
                        fill(pathTemplate, with(pathExamples, name, segment)), validBody));
            }
        }
        addHeaderMutations(corpus, method, path, validBody);
        while (corpus.size() < atLeast) {
            corpus.add(randomRequest(random, method, path, queryParameters, validBody));
        }
        return corpus;
    }

    private static void addBodyMutations(List<MalformedRequest> corpus, String method, String path, String validBody) {
        Matcher leaves = LEAF.matcher(validBody);
        while (leaves.find()) {
            for (String wrong : WRONG_VALUES) {
                String body = validBody.substring(0, leaves.start()) + wrong + validBody.substring(leaves.end());
                corpus.add(json("value " + leaves.group() + " at " + leaves.start() + " -> " + abbreviate(wrong),
                        method, path, body));
            }
        }
        for (String body : WRONG_BODIES) {
            corpus.add(json("body " + abbreviate(body), method, path, body));
        }
        corpus.add(json("body over the size limit", method, path,
                validBody.replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(100_000) + "\",")));
        corpus.add(json("no body", method, path, null));
        corpus.add(new MalformedRequest("body not UTF-8", method, path, "application/json",
                new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, Map.of()));
        for (String contentType : CONTENT_TYPES) {
            corpus.add(new MalformedRequest("content type " + contentType, method, path, contentType,
                    validBody.getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        corpus.add(new MalformedRequest("no content type", method, path, null,
                validBody.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static void addHeaderMutations(List<MalformedRequest> corpus, String method, String path, String body) {
        List<Map<String, String>> headerSets = List.of(
                Map.of("X-Padding", "x".repeat(16_000)),
                Map.of("X-Padding", "x".repeat(40_000)),
                Map.of("X-Correlation-ID", "x".repeat(500)),
                Map.of("X-Correlation-ID", "a b;c=d,\"e\""),
                Map.of("Idempotency-Key", "x".repeat(300)),
                Map.of("Idempotency-Key", ""),
                Map.of("Accept", "application/xml"),
                Map.of("Accept", "text/html;q=nonsense"),
                Map.of("Accept-Charset", "ISO-8859-1"));
        for (Map<String, String> headers : headerSets) {
            String name = headers.keySet().iterator().next();
            corpus.add(new MalformedRequest("header " + name + "=" + abbreviate(headers.get(name)), method, path,
                    body == null ? null : "application/json",
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers));
        }
    }

    private static MalformedRequest randomRequest(Random random, String method, String path,
                                                  List<String> queryParameters, String validBody) {
        if (validBody != null && random.nextBoolean()) {
            byte[] bytes = new byte[1 + random.nextInt(600)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                bytes[0] = '{';
            }
            return new MalformedRequest("random body #" + random.nextInt(1_000_000), method, path,
                    "application/json", bytes, Map.of());
        }
        if (validBody != null) {
            // A valid body with one character flipped: mostly broken JSON, sometimes a wrong value.
            char[] chars = validBody.toCharArray();
            int at = random.nextInt(chars.length);
            chars[at] = (char) (32 + random.nextInt(95));
            return json("flipped character at " + at, method, path, new String(chars));
        }
        StringBuilder query = new StringBuilder(path).append('?');
        for (String parameter : queryParameters.isEmpty() ? List.of("q") : queryParameters) {
            query.append(parameter).append('=')
                    .append(BAD_PARAMETER_VALUES.get(random.nextInt(BAD_PARAMETER_VALUES.size()))).append('&');
        }
        query.append("r=").append(random.nextInt(1_000_000));
        return request("random query " + abbreviate(query.toString()), method, query.toString(), null);
    }

    private static MalformedRequest request(String description, String method, String path, String body) {
        return body == null ? new MalformedRequest(description, method, path, null, null, Map.of())
                : json(description, method, path, body);
    }

    private static MalformedRequest json(String description, String method, String path, String body) {
        return new MalformedRequest(description, method, path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " chars)";
    }
}
