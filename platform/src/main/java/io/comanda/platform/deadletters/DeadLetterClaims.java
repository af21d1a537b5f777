package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The conditional updates through which replays and discards take a dead letter out of waiting, so that
 * with several instances and several operators each dead letter is replayed or discarded once: a replay
 * first claims it (waiting to replaying; a claim another instance holds is skipped, not waited for), sends
 * it, then marks it replayed; a discard moves it from waiting to discarded in one statement.
 */
@ApplicationScoped
public class DeadLetterClaims {

    /** $6 to $8: the group, source topic and dead-letter topic of each channel a replay topic is known for. */
    private static final String SELECTION = """
            status = 'waiting' and indexed_at <= $1 and ($2::text is null or ce_type = $2)
            and ($3::text is null or strpos(reason, $3) > 0)
            and exists (select 1 from unnest($6::text[], $7::text[], $8::text[]) as channel(grp, topic, dlq)
                         where channel.grp = consumer_group and (channel.dlq = dlq_topic or channel.topic = origin_topic))""";
    private static final String WITHIN_LIMIT = "(replay_count < $4 or $5)";
    private static final String COUNT_SELECTION = "select count(*) filter (where " + WITHIN_LIMIT + "), "
            + "count(*) filter (where not " + WITHIN_LIMIT + ") from dead_letter where " + SELECTION;
    private static final String CLAIM_SELECTION = "update dead_letter set status = 'replaying', claimed_at = now() "
            + "where id in (select id from dead_letter where " + SELECTION + " and " + WITHIN_LIMIT
            + " order by id limit $9 for update skip locked) returning " + DeadLetterRows.COLUMNS;
    private static final String CLAIM_ONE = "update dead_letter set status = 'replaying', claimed_at = now() "
            + "where id = $1 and status = 'waiting' returning " + DeadLetterRows.COLUMNS;
    private static final String REPLAYED = """
            update dead_letter set status = 'replayed', replay_count = replay_count + 1, claimed_at = null,
                   resolved_by = $2, resolved_at = now()
             where id = any($1) and status = 'replaying'""";
    private static final String RELEASE = """
            update dead_letter set status = 'waiting', claimed_at = null where id = any($1) and status = 'replaying'""";
    private static final String RELEASE_STALE = """
            update dead_letter set status = 'waiting', claimed_at = null
             where status = 'replaying' and claimed_at < now() - make_interval(secs => $1)""";
    private static final String DISCARD = """
            update dead_letter set status = 'discarded', resolved_by = $2, resolved_at = now(), resolved_reason = $3
             where id = $1 and status = 'waiting'""";
    private static final String NOW = "select now()";

    private final Pool pool;

    public DeadLetterClaims(Pool pool) {
        this.pool = pool;
    }

    /**
     * What a bulk replay selects: waiting dead letters of a type and/or whose reason holds a text, of the
     * {@code channels} whose replay topics are known (a dead letter of another one would be claimed and then
     * not sent, on every request).
     */
    public record Selection(String type, String reason, boolean force, OffsetDateTime asOf,
                            List<ConsumerChannel> channels) {

        /** Binds $1 to $8 of the selection's statements. */
        Tuple values(int replayLimit) {
            return Tuple.tuple().addOffsetDateTime(asOf).addString(type).addString(reason).addInteger(replayLimit)
                    .addBoolean(force).addArrayOfString(column(ConsumerChannel::group))
                    .addArrayOfString(column(ConsumerChannel::topic))
                    .addArrayOfString(column(ConsumerChannel::deadLetterTopic));
        }

        private String[] column(Function<ConsumerChannel, String> value) {
            return channels.stream().map(value).toArray(String[]::new);
        }
    }

    /** The database's time: a bulk replay selects what was parked until then, not what fails again after. */
    public Uni<OffsetDateTime> now() {
        return pool.query(NOW).execute().map(rows -> rows.iterator().next().getOffsetDateTime(0));
    }

    /** How many dead letters the selection replays, and how many it leaves at the replay limit. */
    public Uni<long[]> count(Selection selection, int replayLimit) {
        return pool.preparedQuery(COUNT_SELECTION).execute(selection.values(replayLimit))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new long[] {row.getLong(0), row.getLong(1)};
                });
    }

    /** Claims up to {@code limit} more dead letters of the selection, skipping those another replay holds. */
    public Uni<List<IndexedDeadLetter>> claim(Selection selection, int replayLimit, int limit) {
        return pool.preparedQuery(CLAIM_SELECTION).execute(selection.values(replayLimit).addLong((long) limit))
                .map(rows -> {
                    List<IndexedDeadLetter> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(DeadLetterRows.indexed(row)));
                    return claimed;
                });
    }

    /** Claims one dead letter while it waits; empty when it no longer does. */
    public Uni<Optional<IndexedDeadLetter>> claim(long id) {
        return pool.preparedQuery(CLAIM_ONE).execute(Tuple.of(id)).map(DeadLetterIndex::first);
    }

    /** Marks claimed dead letters replayed by {@code operator}, one replay more. */
    public Uni<Integer> replayed(List<Long> ids, String operator) {
        return pool.preparedQuery(REPLAYED).execute(Tuple.of(ids.toArray(Long[]::new), operator))
                .map(SqlResult::rowCount);
    }

    /** Lets claimed dead letters wait again: their replay was not sent. */
    public Uni<Integer> release(List<Long> ids) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(ids.toArray(Long[]::new))).map(SqlResult::rowCount);
    }

    /** Lets dead letters wait again whose claim is older than {@code after}: their instance stopped mid-replay. */
    public Uni<Integer> releaseStale(Duration after) {
        return pool.preparedQuery(RELEASE_STALE).execute(Tuple.of(after.toMillis() / 1000.0)).map(SqlResult::rowCount);
    }

    /** Discards a waiting dead letter; false when it no longer waits. */
    public Uni<Boolean> discard(long id, String operator, String reason) {
        return pool.preparedQuery(DISCARD).execute(Tuple.of(id, operator, reason)).map(rows -> rows.rowCount() == 1);
    }
}
