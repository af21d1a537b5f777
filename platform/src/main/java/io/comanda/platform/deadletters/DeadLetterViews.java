package io.comanda.platform.deadletters;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.header.Header;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The JSON forms of dead letters in the API. */
public final class DeadLetterViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterViews() {
    }

    /**
     * One dead letter in a listing; {@code effectMayExist} says what may have happened that cannot be undone
     * (e.g. a charge), null on a plain dead letter.
     */
    public record Summary(String id, String originTopic, String key, String ceType, String ceId, String reason,
                          String cause, String effectMayExist, Instant firstFailure, int replayCount) {

        static Summary of(DeadLetter letter) {
            return new Summary(letter.id().toString(), letter.originTopic(), letter.key(), letter.ceType(),
                    letter.ceId(), letter.reason(), letter.cause(), letter.effectMayExist().orElse(null),
                    letter.firstFailure(), letter.replayCount());
        }
    }

    /**
     * A page of the waiting dead letters, newest first; {@code page} counts from 0, {@code total} is the exact
     * number waiting.
     */
    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /**
     * One dead letter whole: where it failed, what may have happened (as in {@link Summary}), its headers in
     * order (text, or {@code base64:} and the bytes when not UTF-8), and its payload as text when it is
     * UTF-8 JSON ({@code payloadEncoding=json}), else in base64 ({@code payloadEncoding=base64}).
     */
    public record Details(String id, String group, String originTopic, String key, String ceType, String ceId,
                          String reason, String cause, String effectMayExist, Instant firstFailure, Instant parkedAt,
                          int replayCount, Resolution resolution, List<HeaderView> headers, String payload,
                          String payloadEncoding) {

        static Details of(IndexedDeadLetter dead) {
            DeadLetter letter = dead.letter();
            byte[] value = letter.record().value();
            boolean json = value != null && isJson(value);
            String payload = value == null ? null
                    : json ? new String(value, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(value);
            List<HeaderView> headers = StreamSupport.stream(letter.record().headers().spliterator(), false)
                    .map(HeaderView::of).toList();
            return new Details(letter.id().toString(), letter.group(), letter.originTopic(), letter.key(),
                    letter.ceType(), letter.ceId(), letter.reason(), letter.cause(),
                    letter.effectMayExist().orElse(null), letter.firstFailure(),
                    letter.parkedAt(), dead.replayCount(), dead.resolution().orElse(null), headers, payload,
                    json ? "json" : "base64");
        }
    }

    public record HeaderView(String name, String value) {

        static HeaderView of(Header header) {
            return new HeaderView(header.key(), textOrBase64(header.value()));
        }
    }

    /** The outcome of replaying one dead letter. */
    public record Replayed(String id, String replayedTo, int replayCount) {
    }

    static String textOrBase64(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return utf8(bytes).orElseGet(() -> "base64:" + Base64.getEncoder().encodeToString(bytes));
    }

    static boolean isJson(byte[] value) {
        if (utf8(value).isEmpty()) {
            return false;
        }
        try {
            JSON.readTree(value);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
