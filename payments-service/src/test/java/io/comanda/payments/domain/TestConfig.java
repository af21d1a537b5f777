package io.comanda.payments.domain;

import java.time.Duration;

/** payments-service's settings for tests of the domain: its defaults, with few charges in flight. */
record TestConfig(int maxConcurrentCharges, Duration chargeDeadline) implements PaymentsConfig {

    static final TestConfig TWO_AT_A_TIME = new TestConfig(2, Duration.ofSeconds(3));

    @Override
    public Duration chargeAttemptRetention() {
        return Duration.ofDays(30);
    }

    @Override
    public Resolution resolution() {
        return new Resolution() {
            @Override
            public Duration every() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration firstDelay() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration maxDelay() {
                return Duration.ofMinutes(1);
            }

            @Override
            public int batchSize() {
                return 200;
            }
        };
    }
}
