package io.comanda.stripe.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The faults only creates meet: a script of one fault per create, taken before anything else, then a rate
 * of ambiguous answers, and how many of each kind were injected. Not thread-safe: {@link Faults} guards it.
 */
final class CreateFaults {

    /** How long an {@link CreateFault#EXECUTED_THEN_TIMEOUT} create holds its answer: past any client's timeout. */
    static final Duration DEFAULT_HANG = Duration.ofSeconds(30);

    private static final Set<CreateFault> AMBIGUOUS = EnumSet.of(CreateFault.EXECUTED_THEN_500,
            CreateFault.EXECUTED_THEN_TIMEOUT);

    private final Deque<CreateFault> script = new ArrayDeque<>();
    private double ambiguousRate;
    private List<CreateFault> ambiguousKinds = List.copyOf(AMBIGUOUS);
    private Duration hang = DEFAULT_HANG;
    private final Map<CreateFault, Long> injected = new EnumMap<>(CreateFault.class);

    /** Cancels the script and the ambiguous rate, and starts counting again; the hang time stays. */
    void clear() {
        script.clear();
        ambiguousRate = 0;
        ambiguousKinds = List.copyOf(AMBIGUOUS);
        injected.clear();
    }

    void script(List<CreateFault> faults) {
        script.clear();
        script.addAll(faults);
    }

    List<CreateFault> script() {
        return List.copyOf(script);
    }

    /**
     * @param rate  from 0 to 1: the share of creates, once the script is done, answered ambiguously
     * @param kinds which ambiguous answers to draw from; empty for both
     */
    void ambiguousRate(double rate, Set<CreateFault> kinds) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("0 <= ambiguousRate <= 1, not " + rate);
        }
        if (!AMBIGUOUS.containsAll(kinds)) {
            throw new IllegalArgumentException("ambiguousKinds are executedThen500 and executedThenTimeout, not "
                    + kinds.stream().map(CreateFault::jsonName).toList());
        }
        ambiguousRate = rate;
        ambiguousKinds = List.copyOf(EnumSet.copyOf(kinds.isEmpty() ? AMBIGUOUS : kinds));
    }

    double ambiguousRate() {
        return ambiguousRate;
    }

    List<CreateFault> ambiguousKinds() {
        return ambiguousKinds;
    }

    Duration hang() {
        return hang;
    }

    void hang(Duration hang) {
        if (hang.isNegative()) {
            throw new IllegalArgumentException("the hang time must not be negative: " + hang.toMillis() + " ms");
        }
        this.hang = hang;
    }

    Optional<CreateFault> nextScripted() {
        return Optional.ofNullable(script.poll());
    }

    /** Draws whether this create answers ambiguously; draws nothing when the rate is 0, so seeded runs stay as they were. */
    CreateFault drawAmbiguous(Random random) {
        if (ambiguousRate == 0 || random.nextDouble() >= ambiguousRate) {
            return CreateFault.NONE;
        }
        return ambiguousKinds.size() == 1 ? ambiguousKinds.get(0) : ambiguousKinds.get(random.nextInt(2));
    }

    CreateFault count(CreateFault fault) {
        if (fault != CreateFault.NONE) {
            injected.merge(fault, 1L, Long::sum);
        }
        return fault;
    }

    /** Injected faults of each kind (every kind but NONE, zero included). */
    Map<CreateFault, Long> injected() {
        Map<CreateFault, Long> counts = new EnumMap<>(CreateFault.class);
        for (CreateFault fault : CreateFault.values()) {
            if (fault != CreateFault.NONE) {
                counts.put(fault, injected.getOrDefault(fault, 0L));
            }
        }
        return counts;
    }
}
