package io.comanda.platform.deadletters;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dead letter is, and its id in the API: {@code <topic>-<partition>-<offset>} of the record on its
 * dead-letter topic, e.g. {@code comanda.payments.orders-service.dlq-0-17}. Topic names may hold dashes;
 * the last two parts are always the numbers.
 */
public record DeadLetterId(String topic, int partition, long offset) {

    private static final Pattern FORM = Pattern.compile("(.+)-(\\d{1,9})-(\\d{1,18})");

    /** @return the id, or empty when {@code id} is not of the form {@code <topic>-<partition>-<offset>} */
    public static Optional<DeadLetterId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher form = FORM.matcher(id);
        return form.matches()
                ? Optional.of(new DeadLetterId(form.group(1), Integer.parseInt(form.group(2)), Long.parseLong(form.group(3))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "-" + offset;
    }
}
