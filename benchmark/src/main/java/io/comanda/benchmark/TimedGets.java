package io.comanda.benchmark;

import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.StackHttp;
import org.HdrHistogram.Histogram;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Requests sent one at a time and timed, after a tenth as many unrecorded to warm up; and the counts the
 * benchmarks read from a service's database to know when it is done.
 */
final class TimedGets {

    private TimedGets() {
    }

    /**
     * @param next      the next request to send
     * @param counted   which recorded answers are counted in {@code hits}
     * @return the latency of each recorded request, in microseconds
     */
    static Histogram measure(int requests, Supplier<HttpRequest> next, Predicate<String> counted, long[] hits) {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        for (int i = -requests / 10; i < requests; i++) {
            HttpRequest request = next.get();
            long start = System.nanoTime();
            HttpResponse<String> response = StackHttp.send(request);
            long micros = (System.nanoTime() - start) / 1_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            if (i >= 0) {
                latency.recordValue(micros);
                hits[0] += counted.test(response.body()) ? 1 : 0;
            }
        }
        return latency;
    }

    /** The one number {@code sql} answers in {@code database}. */
    static long count(PostgresServer postgres, String database, String sql) throws Exception {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
