package io.comanda.stripe.emulator;

import com.stripe.StripeClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * An emulator on a free port for one test class, started with the class and stopped after its tests, and
 * the SDK (no retries of its own) and plain HTTP pointed at it; each test starts without faults, with
 * search current at once and keys kept 24 h.
 */
final class RunningEmulator implements AfterAllCallback, BeforeEachCallback {

    private final StripeEmulator emulator = StripeEmulator.start(0);
    private final StripeClient stripe = StripeClient.builder().setApiKey(EmulatorCalls.API_KEY)
            .setApiBase(emulator.apiBase()).setMaxNetworkRetries(0).build();
    private final EmulatorCalls calls = new EmulatorCalls(emulator);

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator.faults().set(0, 0);
        emulator.searchLag().set(Duration.ZERO);
        emulator.faults().hang(CreateFaults.DEFAULT_HANG);
        emulator.idempotencyKeyTtl(Duration.ofHours(24));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }

    StripeEmulator emulator() {
        return emulator;
    }

    StripeClient stripe() {
        return stripe;
    }

    EmulatorCalls calls() {
        return calls;
    }
}
