package io.comanda.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ports-and-adapters rule of one service: its domain declares what it needs (stores, gateways) as
 * interfaces, and the adapter packages (api, messaging, persistence, gateway, mail) implement them and
 * translate. So the domain imports no adapter package of its service, and no type of the technologies
 * adapters deal in: Kafka, HTTP, SQL clients, Hibernate, Stripe, nor the platform's Kafka, HTTP-problem
 * and outbox types.
 *
 * <p>Allowed in the domain, by choice: Mutiny's {@code Uni} (the asynchronous type every port returns,
 * not a framework adapter), CDI scopes, configuration mappings, Micrometer, OpenTelemetry annotations,
 * Vert.x core contexts, and the {@code jakarta.persistence} mapping annotations of its entities.
 *
 * <pre>{@code
 * HexagonalArchitecture.ofService("io.comanda.orders")
 *         .domain("domain")
 *         .adapters("api", "messaging", "persistence", "gateway")
 *         .check(classes);
 * }</pre>
 */
public final class HexagonalArchitecture {

    /** The technologies that belong in adapters only, as ArchUnit package patterns. */
    public static final List<String> ADAPTER_TECHNOLOGIES = List.of(
            "org.apache.kafka..", "io.smallrye.reactive.messaging..",
            "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web..", "io.vertx.mutiny.ext.web..",
            "io.vertx.core.http..", "io.vertx.mutiny.core.http..",
            "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..",
            "io.vertx.mutiny.pgclient..", "java.sql..",
            "org.hibernate..", "io.quarkus.hibernate..",
            "com.stripe..",
            "io.quarkus.mailer..", "io.quarkus.rest.client..", "org.eclipse.microprofile.rest.client..",
            "io.comanda.platform.messaging..", "io.comanda.platform.problem..", "io.comanda.platform.outbox..");

    private final String basePackage;
    private final List<String> domain = new ArrayList<>();
    private final List<String> adapters = new ArrayList<>();

    private HexagonalArchitecture(String basePackage) {
        this.basePackage = basePackage;
    }

    public static HexagonalArchitecture ofService(String basePackage) {
        return new HexagonalArchitecture(basePackage);
    }

    /** The service's base package, e.g. {@code io.comanda.orders}. */
    public String basePackage() {
        return basePackage;
    }

    /** The packages (relative to the service's) that hold the domain: entities, rules and ports. */
    public HexagonalArchitecture domain(String... packages) {
        domain.addAll(Arrays.asList(packages));
        return this;
    }

    /** The packages (relative to the service's) whose classes adapt the domain to the outside world. */
    public HexagonalArchitecture adapters(String... packages) {
        adapters.addAll(Arrays.asList(packages));
        return this;
    }

    /** The domain imports none of the service's adapter packages: adapters depend on it, not the reverse. */
    public ArchRule domainDoesNotDependOnAdapters() {
        return noClasses().that().resideInAnyPackage(patterns(domain))
                .should().dependOnClassesThat().resideInAnyPackage(patterns(adapters))
                .because("the domain declares ports and adapters implement them, never the reverse");
    }

    /** The domain imports no type of the technologies adapters deal in ({@link #ADAPTER_TECHNOLOGIES}). */
    public ArchRule domainFreeOfAdapterTechnologies() {
        return noClasses().that().resideInAnyPackage(patterns(domain))
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_TECHNOLOGIES.toArray(String[]::new))
                .because("the domain's rules are plain code: Kafka, HTTP, SQL, Hibernate and Stripe are "
                        + "translated by adapters");
    }

    /** Both rules, each reported on its own. */
    public List<ArchRule> rules() {
        return List.of(domainDoesNotDependOnAdapters(), domainFreeOfAdapterTechnologies());
    }

    /** Checks every rule against {@code classes}, failing with all violations of the first broken one. */
    public void check(JavaClasses classes) {
        rules().forEach(rule -> rule.check(classes));
    }

    private String[] patterns(List<String> packages) {
        if (packages.isEmpty()) {
            throw new IllegalStateException("name the domain and adapter packages of " + basePackage);
        }
        return packages.stream().map(name -> basePackage + "." + name + "..").toArray(String[]::new);
    }
}
