package io.comanda.devstack.faults;

import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.Mailbox;
import io.comanda.devstack.load.CustomerToken;
import io.comanda.devstack.load.OrderLoad;
import io.comanda.devstack.load.PlacedOrder;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;
import io.comanda.events.Topic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault suite: on a running stack, a steady load of orders (cards that pay, declined cards, cards
 * that need authentication) and, one scenario after another, a fault: a service killed with SIGKILL,
 * the broker stopped, the database restarted, the Connect worker killed, orders-service started while
 * the broker is down. After each it waits until every order is final and {@link OrderAccounting counts}
 * what each left at the stack's public interfaces: nothing may be lost, nothing done twice, nothing
 * parked as a dead letter. One row per scenario. On a cluster ({@link StackLayout#cluster()}) the faults
 * are the cluster's ({@link ClusterScenarios}). At the end, the customer's mailbox must hold one mail per
 * event of every order (received, then confirmed or cancelled) and none twice, and the search index
 * must equal the orders.
 */
public final class FaultSuite {

    /** How long the topics may take to carry the last settlement events once every order is final. */
    private static final Duration EVENTS_WITHIN = Duration.ofSeconds(60);
    /** How long the mail and the index may take to catch up once every order is final. */
    private static final Duration CATCH_UP_WITHIN = Duration.ofMinutes(2);
    /** An order's kinds of mail: received, then confirmed or cancelled. */
    private static final int MAILS_PER_ORDER = 2;

    private final StackLayout layout;
    private final StackPorts ports;
    private final ControlClient launcher;
    private final FaultSettings settings;
    private final PrintStream out;

    public FaultSuite(StackPorts ports, ControlClient launcher, FaultSettings settings, PrintStream out) {
        this(StackLayout.single(ports), launcher, settings, out);
    }

    /** On a stack of {@code layout}'s instances. */
    public FaultSuite(StackLayout layout, ControlClient launcher, FaultSettings settings, PrintStream out) {
        this.layout = layout;
        this.ports = layout.ports();
        this.launcher = launcher;
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the scenarios whose names contain one of {@code only} (all when empty), prints the table and
     * the mail and index checks, writes them as JSON to the {@link ChaosResultFile} and returns them.
     */
    public SuiteResult run(List<String> only) throws InterruptedException {
        Path resultFile = ChaosResultFile.ofRunningCommand();
        ChaosResultFile.delete(resultFile);
        CustomerToken customer = customer();
        StackApi api = api(customer);
        PartControl parts = new PartControl(launcher, out);
        StripeFaults stripe = stripeFaults();
        List<ScenarioRun> runs = new ArrayList<>();
        List<ScenarioResult> results = new ArrayList<>();
        CustomerMail mail = new CustomerMail(new Mailbox("127.0.0.1", ports.of(StackPart.SMTP.imapPortKey()),
                LocalUser.ALICE.email()), out);
        try (EventLog events = eventLog()) {
            List<Scenario> all = layout.cluster() ? ClusterScenarios.all(layout, out) : Scenario.all();
            List<Scenario> scenarios = all.stream()
                    .filter(s -> only.isEmpty() || only.stream().anyMatch(name -> s.title(settings).contains(name)))
                    .toList();
            if (scenarios.isEmpty()) {
                throw new IllegalArgumentException("no scenario matches " + only + "; the scenarios: "
                        + all.stream().map(s -> s.title(settings)).toList());
            }
            out.println("The mailbox of " + LocalUser.ALICE.email() + " is emptied first");
            mail.empty();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                out.printf("%d/%d %s, %d orders/s%n", i + 1, scenarios.size(), scenario.title(settings),
                        settings.ordersPerSecond());
                ScenarioRun run = run(scenario, api, parts, stripe, customer, events);
                runs.add(run);
                mail.drain();
                run.result().problems().forEach(problem -> out.println("    " + problem));
            }
            // Later faults redeliver and republish earlier scenarios' records too: every order is checked
            // again once the last scenario is over, and the table holds what this last look found.
            out.println("Every order once more, after the last scenario ...");
            events.readToEnd();
            Map<String, Integer> charges = api.charges();
            for (ScenarioRun run : runs) {
                ScenarioResult again = run.recheck(api, charges, events);
                again.problems().forEach(problem -> out.println("    " + run.result().scenario() + ": " + problem));
                results.add(again);
            }
            List<String> orderIds = runs.stream().flatMap(run -> accepted(run.ledger().placed()).stream()).toList();
            out.println("Every order's mail and search document ...");
            mail.await(orderIds, MAILS_PER_ORDER, CATCH_UP_WITHIN);
            SearchAgreement index = SearchAgreement.await(new DatabaseFootprint(ports.of(StackPart.POSTGRES)), orderIds, CATCH_UP_WITHIN);
            SuiteResult suite = new SuiteResult(results, SuiteResult.MailCheck.of(mail.ledger(), orderIds, MAILS_PER_ORDER),
                    index);
            out.println();
            FaultTable.print(out, suite);
            ChaosResultFile.write(resultFile, settings, suite);
            out.println("The table as JSON: " + resultFile);
            return suite;
        }
    }

    /**
     * Runs {@code scenario} on its own under the settings' load and accounts for its orders, printing no
     * table: the soak's one long scenario, whose fault is every scenario's in turn.
     */
    ScenarioRun runAlone(Scenario scenario) throws InterruptedException {
        CustomerToken customer = customer();
        try (EventLog events = eventLog()) {
            return run(scenario, api(customer), new PartControl(launcher, out), stripeFaults(), customer, events);
        }
    }

    private CustomerToken customer() {
        return new CustomerToken(url(StackPart.KEYCLOAK.operatorName()), LocalUser.ALICE);
    }

    private StackApi api(CustomerToken customer) {
        CustomerToken operator = new CustomerToken(url(StackPart.KEYCLOAK.operatorName()), LocalUser.OPS);
        Map<String, List<String>> urls = new HashMap<>();
        urls.put(StackPart.STRIPE.operatorName(), layout.urls(StackPart.STRIPE));
        for (StackPart service : StackPart.services()) {
            urls.put(service.operatorName(), layout.urls(service));
            urls.put(service.managementPortKey(), layout.managementUrls(service));
        }
        return new StackApi(urls, customer, operator);
    }

    private StripeFaults stripeFaults() {
        return new StripeFaults(url(StackPart.STRIPE.operatorName()), out);
    }

    private EventLog eventLog() {
        return new EventLog(layout.kafkaBootstrapServers(),
                List.of(Topic.ORDERS.topicName(), Topic.PAYMENTS.topicName()));
    }

    /**
     * One scenario as it ran, with what is needed to account for its orders again later.
     *
     * @param result as accounted right after it
     * @param ledger what it was accounted from
     * @param finals when each of its orders was first seen final
     */
    record ScenarioRun(ScenarioResult result, ScenarioLedger ledger, FinalOrders finals) {

        ScenarioResult recheck(StackApi api, Map<String, Integer> charges, EventLog events) {
            Map<String, OrderTrail> trails = new HashMap<>();
            accepted(ledger.placed()).forEach(id -> trails.put(id, new OrderTrail(
                    api.orderStatus(id).filter(status -> !"PENDING".equals(status)), finals.finalAt(id),
                    api.payment(id), charges.getOrDefault(id, 0), events.of(id))));
            return OrderAccounting.account(new ScenarioLedger(ledger.scenario(), ledger.repairedAt(), ledger.placed(),
                    trails, ledger.unaccounted(), ledger.duplicatesAbsorbed(), ledger.deadLetters(), ledger.notSent()));
        }
    }

    private ScenarioRun run(Scenario scenario, StackApi api, PartControl parts, StripeFaults stripe,
                            CustomerToken customer, EventLog events) throws InterruptedException {
        long deadLettersBefore = api.deadLetters();
        // Orders and charges beyond those of the 201s: a request that died with orders-service after its
        // order committed, then placed again as another order by its retry, would only show here.
        long ordersBefore = api.customerOrderCount();
        int chargesBefore = total(api.charges());
        Map<String, StackApi.Absorbed> duplicatesBefore = api.duplicatesAbsorbed();
        List<PlacedOrder> placed;
        Instant repairedAt;
        try (OrderLoad load = new OrderLoad(layout.urls(StackPart.ORDERS), customer, settings.quietWithin(),
                PaymentMix::of, settings.maxClientsInFlight());
             FinalOrders finals = new FinalOrders(api, load::acceptedIds)) {
            load.start(settings.ordersPerSecond());
            Thread.sleep(settings.before().toMillis());
            try {
                repairedAt = scenario.fault().injectAndRepair(parts, stripe, settings);
            } finally {
                parts.startWhatIsDown();
            }
            Thread.sleep(settings.after().toMillis());
            placed = load.finish();
            List<String> accepted = accepted(placed);
            Instant quietFrom = Instant.now();
            finals.await(accepted, settings.quietWithin());
            out.printf("    %d orders placed (%d sent more than once, %d answered as a replay, %d not sent: %d clients"
                            + " in flight), final %.1f s after the load stopped%n", accepted.size(),
                    placed.stream().filter(p -> p.attempts() > 1).count(), placed.stream().filter(p -> p.replays() > 0).count(),
                    load.notSent(), load.maxInFlight(), Duration.between(quietFrom, Instant.now()).toMillis() / 1000.0);
            awaitEvents(events, accepted);
            Map<String, Integer> charges = api.charges();
            Map<String, OrderTrail> trails = new HashMap<>();
            accepted.forEach(id -> trails.put(id, new OrderTrail(finals.status(id), finals.finalAt(id), api.payment(id),
                    charges.getOrDefault(id, 0), events.of(id))));
            Unaccounted unaccounted = new Unaccounted(
                    api.customerOrderCount() - ordersBefore - accepted.size(),
                    total(charges) - chargesBefore - accepted.stream().mapToInt(id -> charges.getOrDefault(id, 0)).sum());
            ScenarioLedger ledger = new ScenarioLedger(scenario.title(settings), repairedAt, placed, trails, unaccounted,
                    absorbedSince(duplicatesBefore, api.duplicatesAbsorbed()), api.deadLetters() - deadLettersBefore,
                    load.notSent());
            return new ScenarioRun(OrderAccounting.account(ledger), ledger, finals);
        }
    }

    private static List<String> accepted(List<PlacedOrder> placed) {
        return placed.stream().filter(PlacedOrder::accepted).map(PlacedOrder::orderId).toList();
    }

    private static int total(Map<String, Integer> charges) {
        return charges.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** What the inboxes absorbed during the scenario; a service started again counts from its start. */
    private static int absorbedSince(Map<String, StackApi.Absorbed> before, Map<String, StackApi.Absorbed> after) {
        double absorbed = 0;
        for (Map.Entry<String, StackApi.Absorbed> service : after.entrySet()) {
            absorbed += service.getValue().since(before.get(service.getKey()));
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
