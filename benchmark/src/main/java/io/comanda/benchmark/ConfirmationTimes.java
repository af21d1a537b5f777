package io.comanda.benchmark;

import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.Topic;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the time from a {@code 201} to CONFIRMED goes, from the {@code ce_time} each hop stamps on one
 * clock: orders-service's {@code OrderPlaced} (when the order was written), payments-service's outcome
 * (when the charge was recorded) and orders-service's {@code OrderConfirmed} (when the order changed).
 * The first hop holds the relay of {@code comanda.orders} and the charge; the second, the payment's
 * commit, the relay of {@code comanda.payments} and the settlement up to its stamp.
 */
final class ConfirmationTimes {

    private static final String PLACED = "io.comanda.order.placed.v1";
    private static final String CONFIRMED = "io.comanda.order.confirmed.v1";
    private static final String SUCCEEDED = "io.comanda.payment.succeeded.v1";

    final Histogram total = histogram();
    final Histogram placedToPaid = histogram();
    final Histogram paidToConfirmed = histogram();
    final Histogram placedToAnswered = histogram();

    private ConfirmationTimes() {
    }

    /** Reads both topics until every order of {@code answered} (order id -> time of its 201) is confirmed. */
    static ConfirmationTimes of(String bootstrapServers, Map<String, Instant> answered) {
        Map<String, Instant> placed = new HashMap<>();
        Map<String, Instant> confirmed = new HashMap<>();
        int[] scanned = {0};
        try (TopicReader orders = TopicReader.fromBeginning(bootstrapServers, Topic.ORDERS.topicName())) {
            orders.readUntil(records -> {
                for (; scanned[0] < records.size(); scanned[0]++) {
                    collect(records.get(scanned[0]), answered, PLACED, placed);
                    collect(records.get(scanned[0]), answered, CONFIRMED, confirmed);
                }
                return confirmed.size() >= answered.size();
            }, Duration.ofSeconds(180));
        }
        Map<String, Instant> paid = new HashMap<>();
        scanned[0] = 0;
        try (TopicReader payments = TopicReader.fromBeginning(bootstrapServers, Topic.PAYMENTS.topicName())) {
            payments.readUntil(records -> {
                for (; scanned[0] < records.size(); scanned[0]++) {
                    collect(records.get(scanned[0]), answered, SUCCEEDED, paid);
                }
                return paid.size() >= confirmed.size();
            }, Duration.ofSeconds(60));
        }
        ConfirmationTimes times = new ConfirmationTimes();
        confirmed.forEach((order, at) -> {
            record(times.total, answered.get(order), at);
            record(times.placedToPaid, placed.get(order), paid.get(order));
            record(times.paidToConfirmed, paid.get(order), at);
            record(times.placedToAnswered, placed.get(order), answered.get(order));
        });
        return times;
    }

    /** One line per hop: count, p50, p99 and max. */
    List<String> lines() {
        return List.of(row("201 -> CONFIRMED", total), row("  placed -> paid", placedToPaid),
                row("  paid -> confirmed", paidToConfirmed), row("  placed -> 201 received", placedToAnswered));
    }

    private static String row(String hop, Histogram h) {
        return String.format(Locale.ROOT, "%-26s n=%-6d p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms", hop,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0);
    }

    // Records are read from the beginning: earlier runs' orders are not in answered and are skipped.
    private static void collect(ConsumerRecord<String, String> record, Map<String, Instant> answered,
                                String ceType, Map<String, Instant> into) {
        if (answered.containsKey(record.key()) && ceType.equals(TopicReader.header(record, CloudEventHeaders.TYPE))) {
            into.putIfAbsent(record.key(), OffsetDateTime.parse(TopicReader.header(record, CloudEventHeaders.TIME))
                    .toInstant());
        }
    }

    private static void record(Histogram histogram, Instant from, Instant to) {
        if (from == null || to == null) {
            return;
        }
        long micros = Math.max(0, Duration.between(from, to).toNanos() / 1000);
        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    }
}
