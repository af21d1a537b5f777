package io.comanda.platform.deadletters;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The rows of the {@code dead_letter} table as Java values, and dead letters as rows. */
final class DeadLetterRows {

    /** The columns {@link #indexed} reads. */
    static final String COLUMNS = """
            id, consumer_group, origin_topic, record_key, record_value, record_headers, parked_at, replay_count,
            dlq_topic, dlq_partition, dlq_offset, status, resolved_by, resolved_at, resolved_reason""";

    /** The columns {@link #summary} reads. */
    static final String SUMMARY_COLUMNS = """
            id, dlq_topic, origin_topic, record_key, ce_type, ce_id, reason, cause, effect_may_exist, first_failure,
            replay_count""";

    private static final Instant EARLIEST = Instant.EPOCH;

    private DeadLetterRows() {
    }

    /**
     * The values of a parked dead letter, in the order of {@link DeadLetterIndex}'s upsert: group, identity,
     * origin topic, key, ce_type, ce_id, reason, cause, effect, first failure, parked at, replay count, value,
     * headers, and where it is on its topic.
     */
    static Tuple parked(DeadLetter letter) {
        ConsumerRecord<String, byte[]> record = letter.record();
        Instant parkedAt = storable(letter.parkedAt(), Instant.now());
        return Tuple.tuple().addString(letter.group()).addString(text(DeadLetterIdentity.of(record)))
                .addString(letter.originTopic()).addString(text(record.key())).addString(text(letter.ceType()))
                .addString(text(letter.ceId())).addString(text(letter.reason())).addString(text(letter.cause()))
                .addString(text(letter.effectMayExist().orElse(null)))
                .addOffsetDateTime(storable(letter.firstFailure(), parkedAt).atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(parkedAt.atOffset(ZoneOffset.UTC))
                .addInteger(letter.replayCount())
                .addValue(bytea(record.value()))
                .addValue(bytea(DeadLetterHeaders.encode(record.headers())))
                .addString(record.topic()).addInteger(record.partition()).addLong(record.offset());
    }

    /**
     * Text as PostgreSQL stores it: the headers and key are whatever the producer wrote, and a text column
     * takes no NUL character. A record the index cannot take would stop its indexing for good.
     */
    static String text(String value) {
        return value == null ? null : value.replace("\u0000", "");
    }

    /** {@code time} if a timestamp column holds it and it is no later than now and a day, else {@code otherwise}. */
    static Instant storable(Instant time, Instant otherwise) {
        return time.isBefore(EARLIEST) || time.isAfter(Instant.now().plus(Duration.ofDays(1))) ? otherwise : time;
    }

    static IndexedDeadLetter indexed(Row row) {
        String topic = row.getString("dlq_topic");
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, row.getInteger("dlq_partition"),
                row.getLong("dlq_offset"), row.getOffsetDateTime("parked_at").toInstant().toEpochMilli(),
                TimestampType.CREATE_TIME, -1, -1, row.getString("record_key"), bytes(row, "record_value"),
                DeadLetterHeaders.decode(bytes(row, "record_headers")), Optional.empty());
        DeadLetter letter = new DeadLetter(new DeadLetterId(topic, row.getLong("id")), row.getString("consumer_group"),
                row.getString("origin_topic"), record);
        IndexedDeadLetter.Status status = IndexedDeadLetter.Status.valueOf(row.getString("status").toUpperCase());
        return new IndexedDeadLetter(letter, row.getInteger("replay_count"), status, resolution(status, row));
    }

    static DeadLetterViews.Summary summary(Row row) {
        return new DeadLetterViews.Summary(new DeadLetterId(row.getString("dlq_topic"), row.getLong("id")).toString(),
                row.getString("origin_topic"), row.getString("record_key"), row.getString("ce_type"),
                row.getString("ce_id"), row.getString("reason"), row.getString("cause"),
                row.getString("effect_may_exist"), row.getOffsetDateTime("first_failure").toInstant(),
                row.getInteger("replay_count"));
    }

    private static Optional<Resolution> resolution(IndexedDeadLetter.Status status, Row row) {
        OffsetDateTime at = row.getOffsetDateTime("resolved_at");
        Resolution.Action action = switch (status) {
            case REPLAYED -> Resolution.Action.REPLAYED;
            case DISCARDED -> Resolution.Action.DISCARDED;
            case SETTLED -> Resolution.Action.SETTLED;
            case WAITING, REPLAYING -> null;
        };
        return action == null || at == null ? Optional.empty()
                : Optional.of(new Resolution(action, row.getString("resolved_by"), at.toInstant().toString(),
                        row.getString("resolved_reason")));
    }

    private static io.vertx.core.buffer.Buffer bytea(byte[] bytes) {
        return bytes == null ? null : io.vertx.core.buffer.Buffer.buffer(bytes);
    }

    private static byte[] bytes(Row row, String column) {
        Object value = row.getValue(column);
        if (value instanceof io.vertx.core.buffer.Buffer buffer) {
            return buffer.getBytes();
        }
        if (value instanceof io.vertx.mutiny.core.buffer.Buffer buffer) {
            return buffer.getBytes();
        }
        return null;
    }
}
