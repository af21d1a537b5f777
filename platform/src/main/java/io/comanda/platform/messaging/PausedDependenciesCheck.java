package io.comanda.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN while a consumer waits for a dependency that refused us, naming it and the reason
 * (e.g. {@code "stripe": "the API key is refused (401) since 2026-11-28T12:00:00Z"}): the instance
 * does no work until an operator mends the dependency, and a rolling deploy should not go on.
 */
@Readiness
@ApplicationScoped
public class PausedDependenciesCheck implements HealthCheck {

    private final PausedDependencies dependencies;

    public PausedDependenciesCheck(PausedDependencies dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumer dependencies");
        var paused = dependencies.paused();
        paused.forEach((dependency, pause) -> response.withData(dependency,
                pause.reason() + " since " + pause.since()));
        return response.status(paused.isEmpty()).build();
    }
}
