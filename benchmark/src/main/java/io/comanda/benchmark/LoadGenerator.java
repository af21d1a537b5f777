package io.comanda.benchmark;

import org.HdrHistogram.Histogram;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Closed-loop clients: each sends {@code POST /orders} with a unique Idempotency-Key, waits for the
 * answer, and sends the next, for a fixed time. Latencies go into an HdrHistogram.
 *
 * <p>It shares the cores with the service and the database, so it is as cheap as a client can be:
 * one kept-alive socket and one thread per client, a request prepared once with only the key
 * appended, and the answer read for its status and skipped. Its CPU per 1,000 orders is printed to
 * show it stays small.
 */
final class LoadGenerator {

    private static final int MAX_HEADER_LINE = 8192;
    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final URI ordersUrl;
    private final IntFunction<String> tokenOfClient;
    private final byte[] body;
    // Unique per generator, so keys never repeat across runs against the same database.
    private final String keyPrefix = UUID.randomUUID().toString();

    LoadGenerator(URI ordersUrl, IntFunction<String> tokenOfClient, String body) {
        this.ordersUrl = ordersUrl;
        this.tokenOfClient = tokenOfClient;
        this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param clients  concurrent clients
     * @param duration how long they send
     * @return latencies of the 201 answers, and the counts of all answers
     */
    Result run(int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Result>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = tokenOfClient.apply(c);
            String keys = keyPrefix + "-" + System.nanoTime() + "-" + c + "-";
            futures.add(pool.submit(() -> client(token, keys, end)));
        }
        Result total = new Result(newHistogram(), 0, 0);
        for (Future<Result> future : futures) {
            total = total.plus(future.get());
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return total;
    }

    private Result client(String token, String keys, long end) throws IOException {
        byte[] head = ("POST " + ordersUrl.getRawPath() + " HTTP/1.1\r\nHost: " + ordersUrl.getHost() + ":"
                + ordersUrl.getPort() + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nIdempotency-Key: " + keys).getBytes(StandardCharsets.US_ASCII);
        Histogram latencies = newHistogram();
        long created = 0;
        long errors = 0;
        long sent = 0;
        Connection connection = null;
        try {
            while (System.nanoTime() < end) {
                if (connection == null) {
                    connection = new Connection(ordersUrl);
                }
                long start = System.nanoTime();
                connection.out.write(head);
                connection.out.write(Long.toString(sent++).getBytes(StandardCharsets.US_ASCII));
                connection.out.write(HEAD_END);
                connection.out.write(body);
                connection.out.flush();
                Answer answer = Answer.read(connection.in);
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
                if (answer.status() == 201) {
                    latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
                    created++;
                } else {
                    errors++;
                }
                if (answer.closes()) {
                    connection.close();
                    connection = null;
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return new Result(latencies, created, errors);
    }

    private static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
    }

    /** One kept-alive HTTP/1.1 connection. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(URI url) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 4096);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * The parts of an HTTP/1.1 answer a closed-loop client needs; the body is read and dropped.
     *
     * @param status the status code
     * @param closes whether the server closes the connection after it
     */
    private record Answer(int status, boolean closes) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    skip(in, size);
                    line(in);
                }
                while (!line(in).isEmpty()) {
                    // trailer fields, none expected
                }
            } else {
                skip(in, length);
            }
            return new Answer(status, closes);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed mid-answer");
                }
                if (b != '\r' && line.length() < MAX_HEADER_LINE) {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static void skip(InputStream in, long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }

    /**
     * @param latencies microseconds per created order
     * @param created   201 answers
     * @param errors    any other answer
     */
    record Result(Histogram latencies, long created, long errors) {
        Result plus(Result other) {
            Histogram sum = latencies.copy();
            sum.add(other.latencies);
            return new Result(sum, created + other.created, errors + other.errors);
        }
    }
}
