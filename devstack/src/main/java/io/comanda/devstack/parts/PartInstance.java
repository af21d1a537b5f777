package io.comanda.devstack.parts;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of a part of the {@link StackPart catalogue}. The first is the part as the catalogue
 * names it, on its ports; the local stack's cluster mode runs more of some parts (brokers, Connect
 * workers, services), each named and placed after the first: {@code kafka-2}, {@code orders-service-2},
 * ports at a fixed distance from the first's. So the catalogue, its {@code COMANDA_<PART>_PORT}
 * variables and the documents' port table stay those of one instance, and a variable that moves the
 * first moves the others with it.
 *
 * @param part   the part of the catalogue
 * @param number 1 for the first, then 2, 3, ...
 */
public record PartInstance(StackPart part, int number) {

    // "kafka-1" is no name: the first is called as the catalogue calls the part.
    private static final Pattern NUMBERED = Pattern.compile("(.+)-([2-9]|[1-9][0-9]+)");

    public PartInstance {
        Objects.requireNonNull(part, "part");
        if (number < 1) {
            throw new IllegalArgumentException("instances are numbered from 1, not " + number);
        }
    }

    /** The part as the catalogue has it. */
    public static PartInstance first(StackPart part) {
        return new PartInstance(part, 1);
    }

    /** What an operator calls it, e.g. {@code orders}, {@code orders-2}, {@code kafka-3}. */
    public String operatorName() {
        return numbered(part.operatorName());
    }

    /** Its own name, e.g. {@code orders-service-2}: its log file and its row in the tables. */
    public String partName() {
        return numbered(part.partName());
    }

    /** What the launcher prints while it starts, e.g. {@code Kafka 2}. */
    public String title() {
        return number == 1 ? part.title() : part.title() + " " + number;
    }

    /** The port clients reach it on. */
    public int port(StackPorts ports) {
        return ports.of(part) + portOffset();
    }

    /** Its port for {@code key}, one of the part's {@link StackPart#otherPorts() other ports}, e.g. a controller's. */
    public int otherPort(StackPorts ports, String key) {
        if (!part.otherPorts().containsKey(key)) {
            throw new IllegalArgumentException(part.partName() + " has no port " + key);
        }
        return ports.of(key) + portOffset();
    }

    /** The name of its port for {@code key}, e.g. {@code kafka-2-controller}; the first's is the key itself. */
    public String portName(String key) {
        String first = part.operatorName();
        return number == 1 || !key.startsWith(first) ? numbered(key) : operatorName() + key.substring(first.length());
    }

    /** How far its ports are from the first instance's. */
    int portOffset() {
        return (number - 1) * portStep();
    }

    // A broker's two ports are a pair side by side (clients, controllers): the next broker takes the next pair,
    // 9094 and 9095. Every other part's next instance is 100 further (8081, 8181): the same digits once more,
    // clear of the catalogue's own ports.
    private int portStep() {
        return part == StackPart.KAFKA ? 2 : 100;
    }

    private String numbered(String name) {
        return number == 1 ? name : name + "-" + number;
    }

    /** The instance an operator or a table calls {@code name}: by its operator's name or its own, e.g. {@code kafka-2}. */
    public static Optional<PartInstance> named(String name) {
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            Optional<PartInstance> instance = StackPart.named(numbered.group(1))
                    .map(part -> new PartInstance(part, Integer.parseInt(numbered.group(2))));
            if (instance.isPresent()) {
                return instance;
            }
        }
        return StackPart.named(name).map(PartInstance::first);
    }

    /**
     * The order of the tables for names of instances: the {@link StackPart catalogue}'s, each part's
     * instances together in their order; a name outside the catalogue comes last.
     */
    public static Comparator<String> tableOrder() {
        return Comparator.comparingInt((String name) -> named(name).map(instance -> instance.part().ordinal())
                        .orElse(StackPart.values().length))
                .thenComparingInt(name -> named(name).map(PartInstance::number).orElse(0));
    }
}
