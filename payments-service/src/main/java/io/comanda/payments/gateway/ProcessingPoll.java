package io.comanda.payments.gateway;

import com.stripe.model.PaymentIntent;
import io.comanda.payments.domain.ChargeAttempt;
import io.comanda.payments.domain.ChargeUnresolvedException;
import io.comanda.payments.domain.ProviderUnavailableException;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks Stripe again for a PaymentIntent that answered {@code processing} until its status is final,
 * with a pause doubling between retrieves, for a bounded time. The wait holds the charge's worker, as
 * the SDK's own retries do; past the bound the charge is unresolved, and asked again in the background.
 */
final class ProcessingPoll {

    private static final String PROCESSING = "processing";

    private final StripeConfig.ProcessingPoll config;

    ProcessingPoll(StripeConfig.ProcessingPoll config) {
        this.config = config;
    }

    /** Retrieves a PaymentIntent by id, failing as the gateway classifies Stripe's failures. */
    interface Retrieve {
        PaymentIntent byId(String id);
    }

    /**
     * @return {@code intent}, or the first retrieve of it whose status is not {@code processing}
     * @throws ChargeUnresolvedException when it is still processing once the timeout has passed
     */
    PaymentIntent untilFinal(PaymentIntent intent, Retrieve retrieve) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        Duration pause = config.firstDelay();
        PaymentIntent current = intent;
        while (PROCESSING.equals(current.getStatus())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                // The PaymentIntent exists and its key answers it: asked again later, under the same key.
                throw new ChargeUnresolvedException(ChargeAttempt.Unresolved.AWAITING_ANSWER, "PaymentIntent "
                        + current.getId() + " is still processing after " + config.timeout().toMillis() + " ms", null);
            }
            pause(Math.min(pause.toNanos(), left));
            current = retrieve.byId(current.getId());
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : doubled;
        }
        return current;
    }

    private static void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long wait = nanos; wait > 0; wait = until - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                throw new ProviderUnavailableException("Interrupted while waiting for a processing PaymentIntent", null);
            }
        }
    }
}
