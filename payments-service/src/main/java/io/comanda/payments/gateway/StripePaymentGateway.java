package io.comanda.payments.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import io.comanda.payments.domain.ChargeRequest;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.OpenedCharge;
import io.comanda.payments.domain.PaymentGateway;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.platform.observability.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * Charges through Stripe's API with the official SDK, in the two steps Stripe documents for a payment
 * created before it is confirmed: the PaymentIntent is created unconfirmed (no money moves) under an
 * idempotency key derived from the order, its id is recorded by the caller, and only then is it confirmed,
 * off-session (the customer has left the checkout, so a bank's request for authentication is a decline,
 * not a wait). A PaymentIntent succeeds at most once, whatever the keys: a redelivery that finds its id
 * recorded resumes it (retrieve, confirm if it never was) instead of creating another, however long after.
 * A PaymentIntent that answers {@code processing} is retrieved again until it is final.
 */
@ApplicationScoped
public class StripePaymentGateway implements PaymentGateway {

    static {
        // The SDK's HttpURLConnection keeps 5 idle connections per host by default: with dozens of charges
        // in flight, every other one would open a new connection and leave a socket in TIME_WAIT.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "256");
        }
    }

    private static final String REQUIRES_CONFIRMATION = "requires_confirmation";
    private static final PaymentIntentConfirmParams CONFIRM_OFF_SESSION =
            PaymentIntentConfirmParams.builder().setOffSession(true).build();

    private final StripeClient stripe;
    private final OutboundCalls outbound;
    private final RequestRate rate;
    private final ProcessingPoll processing;

    public StripePaymentGateway(StripeConfig config, OutboundCalls outbound) {
        this.outbound = outbound;
        this.rate = new RequestRate(config.maxRequestsPerSecond());
        this.processing = new ProcessingPoll(config.processingPoll());
        this.stripe = StripeClient.builder()
                .setApiKey(config.secretKey())
                .setApiBase(config.apiBase())
                .setMaxNetworkRetries(config.maxNetworkRetries())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setReadTimeout((int) config.readTimeout().toMillis())
                .build();
    }

    @Override
    public OpenedCharge open(ChargeRequest request, int generation) {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey(generation)).build();
        rate.acquire();
        try {
            // The SDK's own HTTP client is not instrumented: the platform makes its client span and timer.
            return OpenedCharge.opened(outbound.call("stripe", "POST /v1/payment_intents", StripeFailures::isDecline,
                    () -> stripe.paymentIntents().create(paymentIntent(request), options)).getId());
        } catch (StripeException e) {
            return OpenedCharge.declined(StripeFailures.declineOrThrow(e));
        }
    }

    @Override
    public ChargeResult confirm(String paymentIntentId) {
        PaymentIntent intent;
        rate.acquire();
        try {
            // No key of ours: the SDK keys each call (and its own retries) afresh, so a 500 Stripe stored
            // for one confirmation cannot block the next; the PaymentIntent itself refuses a second charge.
            intent = outbound.call("stripe", "POST /v1/payment_intents/{id}/confirm", StripeFailures::isDecline,
                    () -> stripe.paymentIntents().confirm(paymentIntentId, CONFIRM_OFF_SESSION));
        } catch (StripeException e) {
            if (StripeFailures.isConfirmedAlready(e)) {
                return resume(paymentIntentId);
            }
            return StripeFailures.declineOrThrow(e);
        }
        return PaymentIntentOutcome.of(processing.untilFinal(intent, this::retrieve)).orElseThrow();
    }

    @Override
    public ChargeResult resume(String paymentIntentId) {
        PaymentIntent intent = retrieve(paymentIntentId);
        if (REQUIRES_CONFIRMATION.equals(intent.getStatus())) {
            return confirm(paymentIntentId);
        }
        return PaymentIntentOutcome.of(processing.untilFinal(intent, this::retrieve)).orElseThrow();
    }

    private PaymentIntent retrieve(String id) {
        rate.acquire();
        try {
            return outbound.call("stripe", "GET /v1/payment_intents/{id}", () -> stripe.paymentIntents().retrieve(id));
        } catch (StripeException e) {
            // Retrieving declines nothing: a failure here is transient or for an operator, as for a create.
            ChargeResult.Declined unexpected = StripeFailures.declineOrThrow(e);
            throw new ProviderRejectedException("Retrieving PaymentIntent " + id + " answered the decline "
                    + unexpected.declineCode(), e);
        }
    }

    private static PaymentIntentCreateParams paymentIntent(ChargeRequest request) {
        return PaymentIntentCreateParams.builder()
                .setAmount(request.amount().amount())
                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethod())
                // Server-side confirmation: no redirect-based payment methods, so no return_url.
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .putMetadata("order_id", request.orderId().toString())
                .build();
    }
}
