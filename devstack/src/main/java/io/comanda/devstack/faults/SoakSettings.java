package io.comanda.devstack.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long and how hard the soak runs, and what its growth verdict allows.
 *
 * @param duration        how long the load runs
 * @param ordersPerSecond the load's steady rate
 * @param faultEvery      how often a fault is injected, the suite's scenarios in turn
 * @param sampleEvery     how often the stack is read (memory, rows, topics, WAL, lag) and the mailbox drained
 * @param warmUp          how long a part runs (and the soak, for rows) before growth is measured from it
 * @param retained        the tables whose rows the run outlives (their retention is shorter than it): they
 *                        must stay flat; a bare name ({@code outbox}) means that table in every database
 * @param walLimitMib     the most WAL a replication slot may hold back after the warm-up
 */
public record SoakSettings(Duration duration, int ordersPerSecond, Duration faultEvery, Duration sampleEvery,
                           Duration warmUp, Set<String> retained, long walLimitMib) {

    /** The growth allowed between the warm-up and the end, for memory and retained tables. */
    static final double FLAT_WITHIN_PERCENT = 10.0;

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

    public SoakSettings {
        retained = Set.copyOf(retained);
        if (duration.compareTo(Duration.ofMinutes(1)) < 0 || faultEvery.isNegative() || faultEvery.isZero()
                || sampleEvery.isNegative() || sampleEvery.isZero()) {
            throw new IllegalArgumentException("the soak runs 1 minute or more, with a fault and a sample every"
                    + " positive duration");
        }
    }

    /**
     * {@code duration} at 20 orders a second, a fault every 3 minutes (30 minutes see each of the seven
     * scenarios' faults once), a sample every minute, 5 minutes' warm-up.
     */
    public static SoakSettings of(Duration duration) {
        return new SoakSettings(duration, 20, Duration.ofMinutes(3), Duration.ofMinutes(1), Duration.ofMinutes(5),
                Set.of(), 256);
    }

    /**
     * Whether a fault may still be injected with {@code remaining} load to go: enough for half an interval
     * of load after it, and for a part it starts again to warm up and be sampled once more, so that every
     * part's memory is judged at the end.
     */
    boolean roomForFault(Duration remaining) {
        Duration needed = warmUp.plus(sampleEvery);
        Duration half = faultEvery.dividedBy(2);
        return remaining.compareTo(needed.compareTo(half) > 0 ? needed : half) >= 0;
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}. */
    public static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 90s, 30m, 2h)");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /**
     * The fault suite's settings for one long scenario: its load, 10 s dead for a killed part, Kafka stopped
     * 30 s, a short lead-in and 30 s of load after the last repair, and 5 minutes for every order to be final.
     */
    FaultSettings faultSettings() {
        return new FaultSettings(ordersPerSecond, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** Whether {@code table} ({@code <database>.<table>}) is one the run outlives. */
    boolean isRetained(String table) {
        return retained.contains(table) || retained.contains(table.substring(table.indexOf('.') + 1));
    }

    SoakSettings withRate(int rate) {
        return new SoakSettings(duration, rate, faultEvery, sampleEvery, warmUp, retained, walLimitMib);
    }

    SoakSettings withFaultEvery(Duration every) {
        return new SoakSettings(duration, ordersPerSecond, every, sampleEvery, warmUp, retained, walLimitMib);
    }

    SoakSettings withSampleEvery(Duration every) {
        return new SoakSettings(duration, ordersPerSecond, faultEvery, every, warmUp, retained, walLimitMib);
    }

    SoakSettings withWarmUp(Duration warmUp) {
        return new SoakSettings(duration, ordersPerSecond, faultEvery, sampleEvery, warmUp, retained, walLimitMib);
    }

    SoakSettings withRetained(Set<String> tables) {
        return new SoakSettings(duration, ordersPerSecond, faultEvery, sampleEvery, warmUp, tables, walLimitMib);
    }

    SoakSettings withWalLimitMib(long limit) {
        return new SoakSettings(duration, ordersPerSecond, faultEvery, sampleEvery, warmUp, retained, limit);
    }
}
