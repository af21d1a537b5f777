package io.comanda.platform.sql;

import io.vertx.mutiny.sqlclient.Tuple;

import java.util.function.IntFunction;

/**
 * The numbered parameters ({@code $1}, {@code $2}, ...) of a statement that services compose from the
 * platform's fragments: each fragment is written from a first parameter, and its values must land there.
 */
public final class Parameters {

    private Parameters() {
    }

    /**
     * {@code values}, once checked that its next value binds {@code $first}: a fragment bound at the
     * wrong place would put every later value in the wrong column, so it fails here instead.
     */
    public static Tuple expectNext(Tuple values, int first) {
        if (values.size() != first - 1) {
            throw new IllegalArgumentException("The values bind $1 to $" + values.size()
                    + ", so the next one binds $" + (values.size() + 1) + ", not $" + first);
        }
        return values;
    }

    /** {@code $n} for {@code n} = {@code first}, {@code first + 1}, ... {@code first + count - 1}, each followed by {@code cast}. */
    public static String numbered(int first, int count, IntFunction<String> cast) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "" : ", ").append('$').append(first + i).append(cast.apply(i));
        }
        return list.toString();
    }
}
