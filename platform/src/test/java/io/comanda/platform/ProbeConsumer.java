package io.comanda.platform;

import io.comanda.events.OrderPlaced;
import io.comanda.platform.messaging.ConsumerPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer written the way a service writes one, for the platform's own tests: it takes every order
 * placed, and fails every time for the orders of {@link #FAILING_CUSTOMER}, as if what it calls were down.
 */
@ApplicationScoped
public class ProbeConsumer {

    static final String CHANNEL = "probe-orders";
    static final String GROUP = "platform-probe";
    static final String FAILING_CUSTOMER = "customer-whose-orders-always-fail";

    private final ConsumerPolicy policy;

    public ProbeConsumer(ConsumerPolicy policy) {
        this.policy = policy;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return policy.consume(CHANNEL, record, OrderPlaced.class, (eventId, order) ->
                FAILING_CUSTOMER.equals(order.customerId())
                        ? Uni.createFrom().failure(new IllegalStateException("the probe's downstream is down"))
                        : Uni.createFrom().voidItem(), ConsumerPolicy.PermanentFailure.class);
    }
}
