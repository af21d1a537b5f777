package io.comanda.platform.deadletters;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The index keeps a record's headers as they came: order, repeated names, bytes that are no text, no value. */
class DeadLetterHeadersTest {

    @Test
    void headersReadBackInOrderWithRepeatedNamesBinaryValuesAndNoValue() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "5b0c1c8e-4f7a-4d1e-9a53-0d7f4f6b9f10".getBytes(StandardCharsets.UTF_8));
        headers.add("delayed-retry-reason", "second".getBytes(StandardCharsets.UTF_8));
        headers.add("delayed-retry-reason", "first".getBytes(StandardCharsets.UTF_8));
        headers.add("binary", new byte[] {(byte) 0xff, 0, 1});
        headers.add("none", null);
        headers.add("empty", new byte[0]);

        Headers read = DeadLetterHeaders.decode(DeadLetterHeaders.encode(headers));

        assertThat(pairs(read)).containsExactlyElementsOf(pairs(headers));
    }

    @Test
    void noHeadersReadBackAsNone() {
        assertThat(DeadLetterHeaders.decode(DeadLetterHeaders.encode(new RecordHeaders())).toArray()).isEmpty();
    }

    private static List<String> pairs(Headers headers) {
        List<String> pairs = new ArrayList<>();
        for (Header header : headers) {
            pairs.add(header.key() + "=" + (header.value() == null ? "null" : java.util.Arrays.toString(header.value())));
        }
        return pairs;
    }
}
