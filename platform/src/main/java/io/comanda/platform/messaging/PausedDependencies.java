package io.comanda.platform.messaging;

import io.comanda.platform.logging.UntrustedText;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dependencies consumers wait for because they refused us ({@link DependencyUnusableException}),
 * each with its reason and since when: what the readiness check reports. Every consumer paused on one
 * dependency waits on the same probe, called every {@code comanda.consumer.pause-probe-every}
 * (default 5 s) on a worker thread; once it answers usable, the dependency leaves the registry and its
 * consumers resume. The gauge {@code comanda.consumer.paused} is 1 for each probed dependency while
 * consumers wait for it (created at start, so an alert can watch it before the first pause).
 */
@Startup
@ApplicationScoped
public class PausedDependencies {

    private static final Logger LOG = Logger.getLogger(PausedDependencies.class);

    private final Instance<DependencyProbe> probes;
    private final Duration probeEvery;
    private final Map<String, Pause> paused = new ConcurrentHashMap<>();

    public PausedDependencies(@Any Instance<DependencyProbe> probes, Config config, MeterRegistry metrics) {
        this.probes = probes;
        this.probeEvery = config.getOptionalValue("comanda.consumer.pause-probe-every", Duration.class)
                .orElse(Duration.ofSeconds(5));
        probes.forEach(probe -> Gauge.builder("comanda.consumer.paused", paused,
                        pauses -> pauses.containsKey(probe.dependency()) ? 1 : 0)
                .tag("dependency", probe.dependency())
                .description("1 while consumers wait for this dependency to accept us again")
                .register(metrics));
    }

    /**
     * A paused dependency.
     *
     * @param reason why it refused us
     * @param since  when the first consumer paused on it
     */
    public record Pause(String reason, Instant since, Uni<Void> usable) {
    }

    /** The dependencies paused now, by name. */
    public Map<String, Pause> paused() {
        return Map.copyOf(paused);
    }

    /**
     * Pauses on {@code failure}'s dependency: completes once its probe answers usable (without a probe,
     * after one probe interval). Consumers pausing on the same dependency share one wait.
     */
    public Uni<Void> untilUsable(DependencyUnusableException failure) {
        String dependency = failure.dependency();
        return paused.computeIfAbsent(dependency, name -> {
            LOG.errorf("%s refuses us, consumers pause until it is usable again: %s", name,
                    UntrustedText.of(failure.reason()));
            Uni<Void> usable = probed(name).onTermination().invoke(() -> {
                paused.remove(name);
                LOG.infof("%s is usable again, consumers resume", name);
            }).memoize().indefinitely();
            return new Pause(failure.reason(), Instant.now(), usable);
        }).usable();
    }

    private Uni<Void> probed(String dependency) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(probeEvery)
                .chain(() -> Uni.createFrom().item(() -> answers(dependency))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(usable -> usable ? Uni.createFrom().voidItem() : probed(dependency));
    }

    private boolean answers(String dependency) {
        DependencyProbe probe = probes.stream().filter(p -> dependency.equals(p.dependency())).findFirst().orElse(null);
        if (probe == null) {
            LOG.warnf("no DependencyProbe for %s: its consumers try again after %s", dependency, probeEvery);
            return true;
        }
        try {
            return probe.usable();
        } catch (Exception e) {
            LOG.debugf("%s is still unusable: %s", dependency, e.toString());
            return false;
        }
    }
}
