package io.comanda.devstack.faults;

import io.comanda.devstack.LocalUser;
import io.comanda.devstack.cli.ControlClient;
import io.comanda.devstack.cli.StackPorts;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fault suite: on a running stack, a steady load of orders (cards that pay, declined cards, cards
 * that need authentication) and, one scenario after another, a fault: a service killed with SIGKILL,
 * the broker stopped, the database restarted, the Connect worker killed, orders-service started while
 * the broker is down. After each it waits until every order is final and {@link OrderAccounting counts}
 * what each left at the stack's public interfaces: nothing may be lost, nothing done twice, nothing
 * parked as a dead letter. One row per scenario.
 */
public final class FaultSuite {

    /** How long the topics may take to carry the last settlement events once every order is final. */
    private static final Duration EVENTS_WITHIN = Duration.ofSeconds(60);

    private final StackPorts ports;
    private final ControlClient launcher;
    private final FaultSettings settings;
    private final PrintStream out;

    public FaultSuite(StackPorts ports, ControlClient launcher, FaultSettings settings, PrintStream out) {
        this.ports = ports;
        this.launcher = launcher;
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the scenarios whose names contain one of {@code only} (all when empty), prints the table and
     * returns its rows.
     */
    public List<ScenarioResult> run(List<String> only) throws InterruptedException {
        String keycloak = url("keycloak");
        CustomerToken customer = new CustomerToken(keycloak, LocalUser.ALICE);
        CustomerToken operator = new CustomerToken(keycloak, LocalUser.OPS);
        Map<String, String> urls = new HashMap<>();
        for (String part : List.of("orders", "payments", "notifications", "search", "stripe", "orders-management",
                "payments-management", "notifications-management")) {
            urls.put(part, url(part));
        }
        StackApi api = new StackApi(urls, customer, operator);
        PartControl parts = new PartControl(launcher, out);
        List<ScenarioResult> results = new ArrayList<>();
        try (EventLog events = new EventLog("127.0.0.1:" + ports.of("kafka"), List.of("comanda.orders", "comanda.payments"))) {
            List<Scenario> scenarios = Scenario.all().stream()
                    .filter(s -> only.isEmpty() || only.stream().anyMatch(name -> s.title(settings).contains(name)))
                    .toList();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                out.printf("%d/%d %s, %d orders/s%n", i + 1, scenarios.size(), scenario.title(settings),
                        settings.ordersPerSecond());
                ScenarioResult result = run(scenario, api, parts, customer, events);
                results.add(result);
                result.problems().forEach(problem -> out.println("    " + problem));
            }
        }
        out.println();
        FaultTable.print(out, results);
        return results;
    }

    private ScenarioResult run(Scenario scenario, StackApi api, PartControl parts, CustomerToken customer,
                               EventLog events) throws InterruptedException {
        long deadLettersBefore = api.deadLetters();
        Map<String, Double> duplicatesBefore = api.duplicatesAbsorbed();
        List<PlacedOrder> placed;
        Instant repairedAt;
        try (OrderLoad load = new OrderLoad(url("orders"), customer, settings.quietWithin());
             FinalOrders finals = new FinalOrders(api, load::acceptedIds)) {
            load.start(settings.ordersPerSecond());
            Thread.sleep(settings.before().toMillis());
            repairedAt = scenario.fault().injectAndRepair(parts, settings);
            Thread.sleep(settings.after().toMillis());
            placed = load.finish();
            List<String> accepted = placed.stream().filter(PlacedOrder::accepted).map(PlacedOrder::orderId).toList();
            Instant quietFrom = Instant.now();
            finals.await(accepted, settings.quietWithin());
            out.printf("    %d orders placed (%d sent more than once, %d answered as a replay), final %.1f s after the"
                            + " load stopped%n", accepted.size(), placed.stream().filter(p -> p.attempts() > 1).count(),
                    placed.stream().filter(p -> p.replays() > 0).count(),
                    Duration.between(quietFrom, Instant.now()).toMillis() / 1000.0);
            awaitEvents(events, accepted);
            Map<String, Optional<String>> payments = new LinkedHashMap<>();
            accepted.forEach(id -> payments.put(id, api.payment(id)));
            return OrderAccounting.account(scenario.title(settings), placed, finals, payments, api.charges(), events,
                    absorbedSince(duplicatesBefore, api.duplicatesAbsorbed()), api.deadLetters() - deadLettersBefore,
                    repairedAt);
        }
    }

    /** What the inboxes absorbed during the scenario; a service started again counts from its start. */
    private static int absorbedSince(Map<String, Double> before, Map<String, Double> after) {
        double absorbed = 0;
        for (Map.Entry<String, Double> service : after.entrySet()) {
            double earlier = before.getOrDefault(service.getKey(), 0.0);
            absorbed += service.getValue() >= earlier ? service.getValue() - earlier : service.getValue();
        }
        return (int) absorbed;
    }

    /** Reads the topics until each order has its placement, outcome and settlement, or the time is up. */
    private static void awaitEvents(EventLog events, List<String> orderIds) throws InterruptedException {
        Instant deadline = Instant.now().plus(EVENTS_WITHIN);
        do {
            events.readToEnd();
            if (orderIds.stream().allMatch(id -> events.of(id).stream().map(EventLog.Event::type).distinct().count() >= 3)) {
                return;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
    }

    private String url(String part) {
        return "http://127.0.0.1:" + ports.of(part);
    }
}
