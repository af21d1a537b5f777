package io.comanda.platform.deadletters;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dead letter's id in the API: {@code <dead-letter topic>-<number>}, the number being its row in the
 * service's dead-letter index, e.g. {@code comanda.payments.orders-service.dlq-17}. The topic says at a
 * glance whose dead letter it is; the number stays the same when the record is parked again after a
 * replay, and when the topic is recreated. Topic names may hold dashes; the last part is the number.
 */
public record DeadLetterId(String topic, long number) {

    private static final Pattern FORM = Pattern.compile("(.+)-(\\d{1,18})");

    /** @return the id, or empty when {@code id} is not of the form {@code <topic>-<number>} */
    public static Optional<DeadLetterId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher form = FORM.matcher(id);
        return form.matches()
                ? Optional.of(new DeadLetterId(form.group(1), Long.parseLong(form.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return topic + "-" + number;
    }
}
