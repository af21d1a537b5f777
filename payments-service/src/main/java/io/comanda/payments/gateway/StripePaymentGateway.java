package io.comanda.payments.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import io.comanda.payments.domain.ChargeRequest;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.PaymentGateway;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.platform.observability.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * Charges through Stripe's API with the official SDK: one PaymentIntent, created and confirmed at
 * once, under an idempotency key derived from the order, so Stripe itself dedupes retries.
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

    public StripePaymentGateway(StripeConfig config, OutboundCalls outbound) {
        this.outbound = outbound;
        this.rate = new RequestRate(config.maxRequestsPerSecond());
        this.stripe = StripeClient.builder()
                .setApiKey(config.secretKey())
                .setApiBase(config.apiBase())
                .setMaxNetworkRetries(config.maxNetworkRetries())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setReadTimeout((int) config.readTimeout().toMillis())
                .build();
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
        if ("succeeded".equals(intent.getStatus())) {
            return new ChargeResult.Charged(intent.getId());
        }
        throw new ProviderRejectedException("PaymentIntent " + intent.getId() + " ended " + intent.getStatus()
                + ", which a server-side confirmation should not reach", null);
    }

    private static PaymentIntentCreateParams paymentIntent(ChargeRequest request) {
        return PaymentIntentCreateParams.builder()
                .setAmount(request.amount().amount())
                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethod())
                .setConfirm(true)
                // Server-side confirmation: no redirect-based payment methods, so no return_url.
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .putMetadata("order_id", request.orderId().toString())
                .build();
    }
}
