package io.comanda.payments.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import io.comanda.payments.domain.ChargeRequest;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.PaymentGateway;
import io.comanda.payments.domain.ChargeUnresolvedException;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.payments.domain.ProviderUnavailableException;
import io.comanda.platform.observability.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Charges through Stripe's API with the official SDK: one PaymentIntent, created and confirmed at
 * once, off-session (the customer has left the checkout, so a bank's request for authentication is a
 * decline, not a wait), under the order's idempotency key, so Stripe itself dedupes retries; the order id
 * goes into the metadata, by which {@link #lookUp} recognises the order's PaymentIntents in a consistent
 * listing ({@link OrderPaymentIntents}). A PaymentIntent that answers
 * {@code processing} is retrieved again until it is final; a retry after the poll gave up gets the same
 * PaymentIntent back under the same key, and polls it again.
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

    private final StripeClient stripe;
    private final OutboundCalls outbound;
    private final RequestRate rate;
    private final ProcessingPoll processing;
    private final OrderPaymentIntents listing;
    private final StripeRefunds refunds;

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
        this.listing = new OrderPaymentIntents(stripe, outbound, rate);
        this.refunds = new StripeRefunds(stripe, outbound, rate);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        PaymentIntent intent;
        rate.acquire();
        try {
            // The SDK's own HTTP client is not instrumented: the platform makes its client span and timer.
            intent = outbound.call("stripe", "POST /v1/payment_intents", StripeFailures::isDecline,
                    () -> stripe.paymentIntents().create(paymentIntent(request), options));
        } catch (StripeException e) {
            return StripeFailures.declineOrThrow(e);
        }
        return PaymentIntentResults.of(processing.untilFinal(intent, this::retrieve)).orElseThrow();
    }

    @Override
    public Optional<ChargeResult> lookUp(UUID orderId, Instant createdFrom) {
        return listing.mostAdvanced(orderId, createdFrom).map(intent ->
                PaymentIntentResults.of(processing.untilFinal(intent, this::retrieve)).orElseThrow());
    }

    @Override
    public String refund(UUID orderId, String providerReference) {
        return refunds.refund(orderId, providerReference);
    }

    private PaymentIntent retrieve(String id) {
        rate.acquire();
        try {
            return outbound.call("stripe", "GET /v1/payment_intents/{id}", () -> stripe.paymentIntents().retrieve(id));
        } catch (StripeException e) {
            throw readFailed("Retrieving PaymentIntent " + id, e);
        }
    }

    /**
     * A read declines nothing and charges nothing: its failure is transient, even a 5xx (the order's charge
     * attempt stays as it was), or for an operator, as for a create.
     */
    static RuntimeException readFailed(String read, StripeException e) {
        try {
            ChargeResult.Declined unexpected = StripeFailures.declineOrThrow(e);
            return new ProviderRejectedException(read + " answered the decline " + unexpected.declineCode(), e);
        } catch (ChargeUnresolvedException unknown) {
            return new ProviderUnavailableException(unknown.getMessage(), e);
        } catch (RuntimeException classified) {
            return classified;
        }
    }

    private static PaymentIntentCreateParams paymentIntent(ChargeRequest request) {
        // metadata[order_id] is how lookUp recognises the order's charges: a charge must always carry it.
        return PaymentIntentCreateParams.builder()
                .setAmount(request.amount().amount())
                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethod())
                .setConfirm(true)
                .setOffSession(true)
                // Server-side confirmation: no redirect-based payment methods, so no return_url.
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .putMetadata("order_id", request.orderId().toString())
                .build();
    }
}
