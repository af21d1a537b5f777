package io.comanda.devstack.faults;

import io.comanda.devstack.parts.StackPart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the stack stayed bounded through a soak, from its samples (oldest first): each part's resident
 * memory and each table the run outlives within {@link SoakSettings#FLAT_WITHIN_PERCENT} between a point
 * after the warm-up and the end, and each replication slot's retained WAL under the limit after the
 * warm-up. A pure function of plain values, so that its rules are tested on crafted samples.
 *
 * <p>The Stripe emulator's memory is shown, not judged: it keeps every charge, as Stripe does.
 *
 * <p>A part started again by a fault is a younger process at the end: its memory is measured from its
 * first sample at least a warm-up after its (re)start, and not judged when the end came sooner.
 */
final class GrowthVerdict {

    /**
     * Parts that stand in for another company's service and keep all it was sent, as that service does:
     * the Stripe emulator holds every charge in memory, its database. Their memory is shown, not judged.
     */
    private static final Set<String> STAND_INS = Set.of(StackPart.STRIPE.operatorName());

    private GrowthVerdict() {
    }

    static List<GrowthCheck> judge(List<StackSample> samples, SoakSettings settings) {
        List<GrowthCheck> checks = new ArrayList<>();
        if (samples.size() < 2) {
            return checks;
        }
        StackSample end = samples.get(samples.size() - 1);
        end.memory().keySet().forEach(part -> checks.add(memory(part, samples, settings.warmUp())));
        Optional<StackSample> warm = samples.stream().filter(s -> !s.at().minus(settings.warmUp()).isNegative())
                .filter(s -> !s.rows().isEmpty()).findFirst();
        end.rows().forEach((table, rows) -> checks.add(rows(table, warm.map(s -> s.rows().get(table)), rows,
                settings.isRetained(table))));
        Set<String> slots = new TreeSet<>();
        samples.forEach(s -> slots.addAll(s.walRetained().keySet()));
        slots.forEach(slot -> checks.add(wal(slot, samples, settings)));
        return checks;
    }

    /** Every judged check within its bound. */
    static boolean bounded(List<GrowthCheck> checks) {
        return checks.stream().allMatch(GrowthCheck::ok);
    }

    /** The largest memory growth of a judged part, 0 when none was judged. */
    static double largestMemoryGrowth(List<GrowthCheck> checks) {
        return checks.stream().filter(c -> c.kind().equals("memory") && c.judged())
                .mapToDouble(c -> c.growthPct().orElse(0)).max().orElse(0);
    }

    private static GrowthCheck memory(String part, List<StackSample> samples, Duration warmUp) {
        StackSample.PartMemory last = samples.get(samples.size() - 1).memory().get(part);
        List<StackSample> sameProcess = samples.stream()
                .filter(s -> s.memory().containsKey(part) && s.memory().get(part).pid() == last.pid()).toList();
        // A process already running at the soak's start is older than its first sample: count from the start.
        Duration startedAt = sameProcess.get(0) == samples.get(0) ? Duration.ZERO : sameProcess.get(0).at();
        Optional<StackSample> warm = sameProcess.stream()
                .filter(s -> !s.at().minus(startedAt).minus(warmUp).isNegative()).findFirst();
        String to = last.rssMib() + " MiB";
        if (warm.isEmpty() || warm.get() == sameProcess.get(sameProcess.size() - 1)) {
            return new GrowthCheck("memory", part, "-", to, OptionalDouble.empty(), false, true,
                    (startedAt.isZero() ? "the run" : "started again at " + SoakReport.clock(startedAt) + ", it")
                            + " ended before a warm-up was over");
        }
        long from = warm.get().memory().get(part).rssMib();
        double growth = growthPct(from, last.rssMib());
        if (STAND_INS.contains(part)) {
            return new GrowthCheck("memory", part, from + " MiB", to, OptionalDouble.of(growth), false, true,
                    "stands in for an outside service and keeps all it was sent, as that service does");
        }
        return new GrowthCheck("memory", part, from + " MiB", to, OptionalDouble.of(growth), true,
                growth <= SoakSettings.FLAT_WITHIN_PERCENT, "from " + SoakReport.clock(warm.get().at())
                + (startedAt.isZero() ? "" : ", started again at " + SoakReport.clock(startedAt)));
    }

    private static GrowthCheck rows(String table, Optional<Long> warm, long end, boolean retained) {
        String from = warm.map(Object::toString).orElse("-");
        OptionalDouble growth = warm.map(rows -> OptionalDouble.of(growthPct(rows, end))).orElse(OptionalDouble.empty());
        if (!retained) {
            return new GrowthCheck("rows", table, from, Long.toString(end), growth, false, true,
                    "kept longer than the run");
        }
        if (warm.isEmpty()) {
            return new GrowthCheck("rows", table, from, Long.toString(end), growth, true, false,
                    "no count after the warm-up");
        }
        return new GrowthCheck("rows", table, from, Long.toString(end), growth, true,
                growth.getAsDouble() <= SoakSettings.FLAT_WITHIN_PERCENT, "past its retention");
    }

    private static GrowthCheck wal(String slot, List<StackSample> samples, SoakSettings settings) {
        long most = samples.stream().filter(s -> !s.at().minus(settings.warmUp()).isNegative())
                .map(s -> s.walRetained().get(slot)).filter(bytes -> bytes != null)
                .mapToLong(Long::longValue).max().orElse(0);
        long limit = settings.walLimitMib() * 1024 * 1024;
        return new GrowthCheck("wal", slot, "-", mib(most) + " MiB", OptionalDouble.empty(), true, most <= limit,
                "most retained after the warm-up; limit " + settings.walLimitMib() + " MiB");
    }

    /** The most WAL any slot retained after the warm-up, in MiB. */
    static long largestWalRetainedMib(List<StackSample> samples, SoakSettings settings) {
        return mib(samples.stream().filter(s -> !s.at().minus(settings.warmUp()).isNegative())
                .flatMap(s -> s.walRetained().values().stream()).mapToLong(Long::longValue).max().orElse(0));
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double growthPct(long from, long to) {
        return from == 0 ? (to == 0 ? 0 : 100) : (to - from) * 100.0 / from;
    }
}
