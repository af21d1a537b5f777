package io.comanda.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A test resource for a part the whole test run shares through {@link TestStack}: it hands the
 * part's coordinates to the application and stops nothing, since the next test class may need the
 * same part; {@link TestStack} stops every part, in reverse order, when the JVM exits.
 */
public abstract class SharedPartResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public final void stop() {
        // See the class comment: shared parts stop with the JVM.
    }
}
