package io.comanda.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.comanda.stripe.emulator.JsonExchange.send;
import static io.comanda.stripe.emulator.JsonExchange.sendRateLimited;

/**
 * A POST that creates something (a PaymentIntent, a refund), run as Stripe runs it: a 429 before anything,
 * then the key held executing ({@link IdempotencyLayer}) while the request is validated, takes its latency
 * and executes, then the result stored under the key. The injected fault decides what the client hears:
 * a 500 stored although the create executed, or no answer until the hang time is over, the key held all
 * along, so a retry meanwhile gets 409. A held answer does not hold a request thread.
 */
final class IdempotentPost {

    private final IdempotencyLayer idempotency;
    private final Faults faults;
    private final Ledger ledger;
    private final ScheduledExecutorService heldAnswers;

    IdempotentPost(IdempotencyLayer idempotency, Faults faults, Ledger ledger, ScheduledExecutorService heldAnswers) {
        this.idempotency = idempotency;
        this.faults = faults;
        this.ledger = ledger;
        this.heldAnswers = heldAnswers;
    }

    /**
     * Answers {@code exchange} and closes it, at once or once a held answer is due.
     *
     * @param fault     the request's fault, drawn on arrival; it takes effect, and counts as injected, only if
     *                  the request executes (a replay or a 409 ignores it), but a rate limit refuses any request
     * @param invalid   why the parameters fail validation (nothing stored), or empty
     * @param execution creates the object and answers what was done
     */
    void answer(HttpExchange exchange, String apiKey, Map<String, String> parameters, CreateFault fault,
                Supplier<Optional<IdempotencyLayer.Result>> invalid, Supplier<IdempotencyLayer.Result> execution)
            throws IOException {
        if (fault == CreateFault.RATE_LIMITED) {
            faults.countInjected(fault);
            try (exchange) {
                sendRateLimited(exchange);
            }
            return;
        }
        IdempotencyLayer.Start start = idempotency.begin(apiKey,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), parameters);
        if (start.answer().isPresent()) {
            IdempotencyLayer.Result answer = start.answer().get();
            if (answer.replayed()) {
                ledger.countReplay();
            }
            finish(exchange, answer);
            return;
        }
        IdempotencyLayer.Execution held = start.execution();
        Optional<IdempotencyLayer.Result> refusal = validate(invalid, held);
        if (refusal.isPresent()) {
            finish(exchange, refusal.get());
            return;
        }
        faults.countInjected(fault);
        if (fault.ambiguous()) {
            faults.noteAmbiguousOrder(parameters.get("metadata[order_id]"));
        }
        IdempotencyLayer.Result result = execute(fault, execution);
        if (fault == CreateFault.EXECUTED_THEN_TIMEOUT) {
            heldAnswers.schedule(() -> complete(exchange, held, result), faults.hang().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        complete(exchange, held, result);
    }

    private Optional<IdempotencyLayer.Result> validate(Supplier<Optional<IdempotencyLayer.Result>> invalid,
                                                       IdempotencyLayer.Execution held) {
        Optional<IdempotencyLayer.Result> refusal;
        try {
            refusal = invalid.get();
        } catch (RuntimeException e) {
            refusal = Optional.of(IdempotencyLayer.serverError());
        }
        if (refusal.isPresent()) {
            idempotency.release(held);
        }
        return refusal;
    }

    /** The latency is spent here, with the key held, as a slow Stripe spends it: a retry meanwhile gets 409. */
    private IdempotencyLayer.Result execute(CreateFault fault, Supplier<IdempotencyLayer.Result> execution) {
        faults.delay();
        if (fault == CreateFault.REFUSED_500) {
            return IdempotencyLayer.serverError();
        }
        try {
            IdempotencyLayer.Result result = execution.get();
            return fault == CreateFault.EXECUTED_THEN_500 ? IdempotencyLayer.serverError() : result;
        } catch (RuntimeException e) {
            return IdempotencyLayer.serverError();
        }
    }

    private void complete(HttpExchange exchange, IdempotencyLayer.Execution held, IdempotencyLayer.Result result) {
        idempotency.complete(held, result);
        try {
            finish(exchange, result);
        } catch (IOException e) {
            // The client gave up waiting, as it is meant to: the result is stored for its retry.
        }
    }

    private static void finish(HttpExchange exchange, IdempotencyLayer.Result result) throws IOException {
        try (exchange) {
            send(exchange, result.status(), result.body(), result.replayed());
        }
    }
}
