package io.comanda.platform.deadletters;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A record's headers as the dead-letter index keeps them (column {@code record_headers}): in order, repeated
 * names kept, values as bytes (not every header is text). Each header is its name's UTF-8 length and bytes,
 * then its value's length (-1 for none) and bytes.
 */
final class DeadLetterHeaders {

    private DeadLetterHeaders() {
    }

    static byte[] encode(Headers headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Header header : headers) {
                byte[] name = header.key().getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                out.writeInt(header.value() == null ? -1 : header.value().length);
                if (header.value() != null) {
                    out.write(header.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Headers decode(byte[] encoded) {
        RecordHeaders headers = new RecordHeaders();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            while (in.available() > 0) {
                String name = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                int length = in.readInt();
                headers.add(name, length < 0 ? null : in.readNBytes(length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable headers in the dead-letter index", e);
        }
        return headers;
    }
}
