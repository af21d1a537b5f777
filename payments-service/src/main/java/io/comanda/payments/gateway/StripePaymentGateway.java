package io.comanda.payments.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import io.comanda.payments.domain.ChargeRequest;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.PaymentGateway;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.payments.domain.ProviderUnavailableException;
import io.comanda.platform.observability.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * Charges through Stripe's API with the official SDK: one PaymentIntent, created and confirmed at
 * once, under an idempotency key derived from the order, so Stripe itself dedupes retries.
 */
@ApplicationScoped
public class StripePaymentGateway implements PaymentGateway {

    private final StripeClient stripe;
    private final OutboundCalls outbound;

    public StripePaymentGateway(StripeConfig config, OutboundCalls outbound) {
        this.outbound = outbound;
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
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
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
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        try {
            // The SDK's own HTTP client is not instrumented: the platform makes its client span and timer.
            PaymentIntent intent = outbound.call("stripe", "POST /v1/payment_intents",
                    () -> stripe.paymentIntents().create(params, options));
            if ("succeeded".equals(intent.getStatus())) {
                return new ChargeResult.Charged(intent.getId());
            }
            throw new ProviderRejectedException("PaymentIntent " + intent.getId() + " ended " + intent.getStatus()
                    + ", which a server-side confirmation should not reach", null);
        } catch (CardException e) {
            return new ChargeResult.Declined(e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode(),
                    e.getStripeError() != null ? e.getStripeError().getMessage() : "The card was declined.");
        } catch (RateLimitException e) {
            // Before InvalidRequestException, which it extends.
            throw new ProviderUnavailableException("Stripe is rate limiting: " + e.getMessage(), e);
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode()) && "payment_method".equals(e.getParam())) {
                return new ChargeResult.Declined("invalid_payment_method", "The payment method does not exist.");
            }
            throw new ProviderRejectedException("Stripe refused the request: " + e.getMessage(), e);
        } catch (ApiConnectionException | ApiException e) {
            throw new ProviderUnavailableException("Stripe is unavailable: " + e.getMessage(), e);
        } catch (StripeException e) {
            if (e.getStatusCode() != null && e.getStatusCode() >= 500) {
                throw new ProviderUnavailableException("Stripe failed: " + e.getMessage(), e);
            }
            throw new ProviderRejectedException("Stripe refused the request: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ProviderUnavailableException("Stripe call failed: " + e.getMessage(), e);
        }
    }
}
