package io.comanda.devstack.faults;

import java.util.List;

/**
 * The payment methods of the load: mostly cards that pay, some declined, some that need the customer's
 * authentication (3-D Secure), which an off-session charge cannot get. Stripe's test methods, which the
 * emulator knows.
 */
final class PaymentMix {

    static final String PAYS = "pm_card_visa";
    static final String DECLINED = "pm_card_chargeDeclined";
    static final String NEEDS_AUTHENTICATION = "pm_card_authenticationRequired";

    // Six of ten pay, two are declined, two need authentication: every outcome under every fault.
    private static final List<String> CYCLE = List.of(PAYS, DECLINED, PAYS, NEEDS_AUTHENTICATION, PAYS, PAYS,
            DECLINED, PAYS, NEEDS_AUTHENTICATION, PAYS);

    private PaymentMix() {
    }

    /** The method of the {@code n}th order. */
    static String of(long n) {
        return CYCLE.get((int) (n % CYCLE.size()));
    }

    /** The final status an order paid with {@code method} must reach. */
    static String expectedStatus(String method) {
        return PAYS.equals(method) ? "CONFIRMED" : "CANCELLED";
    }
}
