package io.comanda.platform;

import io.comanda.events.OrderPlaced;
import io.comanda.platform.messaging.ConsumerPolicy;
import io.comanda.platform.messaging.EffectMayExist;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer written the way a service writes one, for the platform's own tests: it takes every order
 * placed, and fails every time for the orders of {@link #FAILING_CUSTOMER}, as if what it calls were down,
 * and for those of {@link #CHARGED_CUSTOMER} after a charge may have been made ({@link EffectMayExist}).
 */
@ApplicationScoped
public class ProbeConsumer {

    static final String CHANNEL = "probe-orders";
    static final String GROUP = "platform-probe";
    static final String FAILING_CUSTOMER = "customer-whose-orders-always-fail";
    /** Whose orders fail every time after the probe's provider may have charged them. */
    static final String CHARGED_CUSTOMER = "customer-whose-charges-are-never-recorded";

    private final ConsumerPolicy policy;

    public ProbeConsumer(ConsumerPolicy policy) {
        this.policy = policy;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return policy.consume(CHANNEL, record, OrderPlaced.class, (eventId, order) ->
                FAILING_CUSTOMER.equals(order.customerId())
                        ? Uni.createFrom().failure(new IllegalStateException("the probe's downstream is down"))
                        : CHARGED_CUSTOMER.equals(order.customerId())
                        ? Uni.createFrom().failure(new IllegalStateException("the probe's database is down",
                                new ChargeNotRecorded(order.orderId().toString())))
                        : Uni.createFrom().voidItem(), ConsumerPolicy.PermanentFailure.class);
    }

    /** What a payment consumer fails with when it cannot record a charge its provider may have made. */
    static final class ChargeNotRecorded extends RuntimeException implements EffectMayExist {

        private final String orderId;

        ChargeNotRecorded(String orderId) {
            super("the charge of order " + orderId + " was not recorded");
            this.orderId = orderId;
        }

        @Override
        public String possibleEffect() {
            return effectFor(orderId);
        }
    }

    static String effectFor(String orderId) {
        return "the probe's provider may have charged order " + orderId;
    }
}
