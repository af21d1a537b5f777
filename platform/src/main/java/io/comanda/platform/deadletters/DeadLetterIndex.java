package io.comanda.platform.deadletters;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index of this service's dead letters in its own database (table {@code dead_letter}), keyed by the
 * event's identity ({@link DeadLetterIdentity}): written as records are parked ({@link DeadLetterIndexer}),
 * read by the operators' listing, and settled by the service when what a dead letter waited for happened
 * otherwise. Replays and discards claim rows through {@link DeadLetterClaims}.
 */
@ApplicationScoped
public class DeadLetterIndex {

    /**
     * A parking: a new dead letter waits. A newer record of the same identity opens it again (waiting, its
     * replay count kept): while it waits or is being replayed; once replayed, when the record came back from
     * that replay (it carries the replay's count) or was parked after it; once discarded or settled, when it
     * was parked after that. The same record read again (the same place on the topic and the same timestamp),
     * and an older parking read after a newer one, change nothing. A record at the same place with another
     * timestamp is a new one: its topic was deleted and created again.
     */
    static final String UPSERT = """
            insert into dead_letter (consumer_group, identity, origin_topic, record_key, ce_type, ce_id, reason, cause,
                                     effect_may_exist, first_failure, parked_at, replay_count, record_value,
                                     record_headers, dlq_topic, dlq_partition, dlq_offset)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            on conflict (consumer_group, identity) do update
               set origin_topic = excluded.origin_topic, record_key = excluded.record_key,
                   ce_type = excluded.ce_type, ce_id = excluded.ce_id, reason = excluded.reason,
                   cause = excluded.cause, effect_may_exist = excluded.effect_may_exist,
                   first_failure = least(dead_letter.first_failure, excluded.first_failure),
                   parked_at = excluded.parked_at,
                   replay_count = greatest(dead_letter.replay_count, excluded.replay_count),
                   record_value = excluded.record_value, record_headers = excluded.record_headers,
                   dlq_topic = excluded.dlq_topic, dlq_partition = excluded.dlq_partition,
                   dlq_offset = excluded.dlq_offset, indexed_at = now(), status = 'waiting', claimed_at = null,
                   resolved_by = null, resolved_at = null, resolved_reason = null
             where excluded.parked_at >= dead_letter.parked_at
               and (dead_letter.dlq_topic, dead_letter.dlq_partition, dead_letter.dlq_offset, dead_letter.parked_at)
                   is distinct from (excluded.dlq_topic, excluded.dlq_partition, excluded.dlq_offset, excluded.parked_at)
               and (dead_letter.status in ('waiting', 'replaying')
                    or excluded.parked_at > dead_letter.resolved_at
                    or (dead_letter.status = 'replayed' and excluded.replay_count >= dead_letter.replay_count))
            """;

    /**
     * The page's ids first, from the partial index alone (an index-only scan skips the rows before the page
     * without reading them), then those rows.
     */
    private static final String PAGE = "select " + DeadLetterRows.SUMMARY_COLUMNS + """
             from dead_letter
            where id in (select id from dead_letter where status = 'waiting'
                          order by parked_at desc, id desc limit $1 offset $2)
            order by parked_at desc, id desc""";
    private static final String WAITING = "select count(*) from dead_letter where status = 'waiting'";
    private static final String WAITING_BY_GROUP =
            "select consumer_group, count(*), extract(epoch from now() - min(parked_at))::float8 from dead_letter"
                    + " where status = 'waiting' group by consumer_group";
    private static final String FIND = "select " + DeadLetterRows.COLUMNS + " from dead_letter where id = $1";
    private static final String SETTLE = """
            update dead_letter set status = 'settled', resolved_by = $3, resolved_at = now(), resolved_reason = $2
             where record_key = $1 and status = 'waiting'""";

    /**
     * A resolution an earlier version kept ({@link LegacyResolutions}), for the row still waiting at the place
     * it was kept for, and parked no later than it was made (a record of a recreated topic at the same place
     * is another one). A replay counts as the index's own does.
     */
    private static final String RESOLVED_EARLIER = """
            update dead_letter set status = $5, resolved_by = $6, resolved_at = $7, resolved_reason = $8,
                   replay_count = replay_count + case when $5 = 'replayed' then 1 else 0 end
             where consumer_group = $1 and dlq_topic = $2 and dlq_partition = $3 and dlq_offset = $4
               and status = 'waiting' and parked_at <= $7""";

    private final Pool pool;
    private final String service;

    public DeadLetterIndex(Pool pool, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.pool = pool;
        this.service = service;
    }

    /** Indexes records read from the dead-letter topics; completes once the database has them all. */
    public Uni<Void> parked(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(UPSERT).executeBatch(letters.stream().map(DeadLetterRows::parked).toList())
                .replaceWithVoid();
    }

    /** Applies the resolutions earlier versions kept to the rows just indexed at their places. */
    Uni<Void> resolvedEarlier(List<LegacyResolutions.Earlier> earlier) {
        if (earlier.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(RESOLVED_EARLIER).executeBatch(earlier.stream().map(DeadLetterIndex::values).toList())
                .replaceWithVoid();
    }

    private static Tuple values(LegacyResolutions.Earlier earlier) {
        var record = earlier.letter().record();
        Resolution resolution = earlier.resolution();
        return Tuple.tuple().addString(earlier.letter().group()).addString(record.topic())
                .addInteger(record.partition()).addLong(record.offset())
                .addString(resolution.action().name().toLowerCase()).addString(DeadLetterRows.text(resolution.by()))
                .addOffsetDateTime(earlier.at().atOffset(java.time.ZoneOffset.UTC))
                .addString(DeadLetterRows.text(resolution.reason()));
    }

    /**
     * Resolves every waiting dead letter of this service whose record key is {@code recordKey}, because
     * what it was waiting for happened otherwise ({@code why}, e.g. the order was settled by reconciliation).
     *
     * @return how many dead letters left the list
     */
    public Uni<Integer> settleWaiting(String recordKey, String why) {
        return pool.preparedQuery(SETTLE).execute(Tuple.of(recordKey, why, service)).map(SqlResult::rowCount);
    }

    /** A page of the waiting dead letters, newest first, and how many wait in all. */
    public Uni<DeadLetterViews.Page> waiting(int page, int size) {
        Uni<List<DeadLetterViews.Summary>> items = pool.preparedQuery(PAGE).execute(Tuple.of((long) size, (long) page * size))
                .map(rows -> {
                    List<DeadLetterViews.Summary> summaries = new ArrayList<>();
                    rows.forEach(row -> summaries.add(DeadLetterRows.summary(row)));
                    return summaries;
                });
        Uni<Long> total = pool.query(WAITING).execute().map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(items, total).with((found, all) -> new DeadLetterViews.Page(found, page, size, all));
    }

    /** How many dead letters wait and the oldest one's age, by consumer group (groups with none are absent). */
    public Uni<Map<String, WaitingDeadLetters>> waitingByGroup() {
        return pool.query(WAITING_BY_GROUP).execute().map(rows -> {
            Map<String, WaitingDeadLetters> waiting = new HashMap<>();
            rows.forEach(row -> waiting.put(row.getString(0),
                    new WaitingDeadLetters(row.getLong(1), Math.max(0, row.getDouble(2)))));
            return waiting;
        });
    }

    /** The dead letter with this id, whatever its status. */
    public Uni<Optional<IndexedDeadLetter>> find(DeadLetterId id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id.number())).map(DeadLetterIndex::first)
                .map(found -> found.filter(letter -> letter.letter().id().topic().equals(id.topic())));
    }

    static Optional<IndexedDeadLetter> first(RowSet<Row> rows) {
        Iterator<Row> found = rows.iterator();
        return found.hasNext() ? Optional.of(DeadLetterRows.indexed(found.next())) : Optional.empty();
    }
}
