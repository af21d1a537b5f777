package io.comanda.devstack.faults;

import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.Mailbox;
import io.comanda.devstack.clients.PartStatus;
import io.comanda.devstack.load.PlacedOrder;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak ({@code ./comanda chaos --soak 30m}): the fault suite's load of orders for the whole duration
 * as one long scenario, its faults injected one after another every few minutes, the stack sampled
 * every minute and the customer's mailbox drained as mail arrives. At the end every order is accounted
 * as the fault suite accounts a scenario's, the mails sent twice are counted, the search index is
 * compared with the orders, and the samples are judged for growth ({@link GrowthVerdict}).
 */
public final class SoakRun {

    /** How long the mail and the index may take to catch up once every order is final. */
    private static final Duration CATCH_UP_WITHIN = Duration.ofMinutes(3);

    private final StackPorts ports;
    private final ControlClient launcher;
    private final SoakSettings settings;
    private final PrintStream out;
    private final List<StackSample> samples = new ArrayList<>();
    private final CustomerMail mail;
    private final List<String> diedOnTheirOwn = new ArrayList<>();

    public SoakRun(StackPorts ports, ControlClient launcher, SoakSettings settings, PrintStream out) {
        this.ports = ports;
        this.launcher = launcher;
        this.settings = settings;
        this.out = out;
        this.mail = new CustomerMail(new Mailbox("127.0.0.1", ports.of(StackPart.SMTP.imapPortKey()),
                LocalUser.ALICE.email()), out);
    }

    /** Runs the soak, prints its report, writes its {@link SoakResultFile} and tells whether it was clean. */
    public boolean run() throws InterruptedException {
        Path resultFile = SoakResultFile.ofRunningCommand();
        ChaosResultFile.delete(resultFile);
        DatabaseFootprint database = new DatabaseFootprint(ports.of(StackPart.POSTGRES));
        Instant start = Instant.now();
        try (StackProbe probe = new StackProbe(launcher, database,
                new KafkaFootprint("127.0.0.1:" + ports.of(StackPart.KAFKA)), start, out)) {
            out.printf("Soak: %d orders/s for %d min, a fault every %d s; the mailbox of %s is emptied first%n",
                    settings.ordersPerSecond(), settings.duration().toMinutes(), settings.faultEvery().toSeconds(),
                    LocalUser.ALICE.email());
            mail.empty();
            samples.add(probe.sample());
            FaultSettings faults = settings.faultSettings();
            Instant faultsEnd = start.plus(settings.duration()).minus(faults.before()).minus(faults.after());
            Scenario soak = new Scenario("soak " + settings.duration().toMinutes() + " min",
                    (parts, stripe, fault) -> new FaultCycle(probe, start, faultsEnd).run(parts, stripe, fault));
            FaultSuite.ScenarioRun run = new FaultSuite(ports, launcher, faults, out).runAlone(soak);
            Duration ran = Duration.between(start, Instant.now());
            List<String> accepted = run.ledger().placed().stream().filter(PlacedOrder::accepted)
                    .map(PlacedOrder::orderId).toList();
            mail.await(accepted, 0, CATCH_UP_WITHIN);
            SearchAgreement search = SearchAgreement.await(database, accepted, CATCH_UP_WITHIN);
            samples.add(probe.sample());
            SoakResult result = new SoakResult(settings, ran, run.result(), SoakResult.MailCount.of(mail.ledger()), search,
                    samples, GrowthVerdict.judge(samples, settings), diedOnTheirOwn);
            out.println();
            SoakReport.print(out, result);
            SoakResultFile.write(resultFile, result);
            out.println("The result as JSON: " + resultFile);
            return result.clean();
        }
    }

    /** The suite's scenarios in turn, one every {@code faultEvery}, the stack sampled in between. */
    private final class FaultCycle {

        private final StackProbe probe;
        private final Instant start;
        private final Instant end;

        FaultCycle(StackProbe probe, Instant start, Instant end) {
            this.probe = probe;
            this.start = start;
            this.end = end;
        }

        Instant run(PartControl parts, StripeFaults stripe, FaultSettings faults) throws InterruptedException {
            List<Scenario> scenarios = Scenario.all();
            Instant repairedAt = Instant.now();
            Instant nextFault = repairedAt.plus(settings.faultEvery());
            for (int injected = 0; Instant.now().isBefore(end); ) {
                boolean due = !Instant.now().isBefore(nextFault);
                if (due && !settings.roomForFault(Duration.between(Instant.now(), end))) {
                    // The room only shrinks: no fault any more, the load runs on quietly to the end.
                    nextFault = end;
                } else if (due) {
                    Scenario scenario = scenarios.get(injected % scenarios.size());
                    injected++;
                    repairedAt = inject(injected, scenario, parts, stripe, faults);
                    // On the schedule, not after the repair: a slow start again does not push the later faults
                    // past the end; a fault that overran its interval is still followed by half of one.
                    nextFault = latest(nextFault.plus(settings.faultEvery()),
                            Instant.now().plus(settings.faultEvery().dividedBy(2)));
                }
                startTheDead(parts);
                samples.add(probe.sample());
                mail.drain();
                Instant wake = earliest(Instant.now().plus(settings.sampleEvery()), nextFault, end);
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), wake).toMillis()));
            }
            return repairedAt;
        }

        /** Injects the scenario's fault and repairs it, starting again whatever it left down; when it was repaired. */
        private Instant inject(int number, Scenario scenario, PartControl parts, StripeFaults stripe,
                               FaultSettings faults) throws InterruptedException {
            out.println("  fault " + number + " at " + SoakReport.clock(sinceStart()) + ": " + scenario.title(faults));
            try {
                return scenario.fault().injectAndRepair(parts, stripe, faults);
            } finally {
                parts.startWhatIsDown();
            }
        }

        /**
         * Starts again every part the launcher found dead between faults: no fault is running then, so it died
         * on its own (out of memory, say). The soak goes on, and the report names it; such a soak is not clean.
         */
        private void startTheDead(PartControl parts) {
            List<PartStatus> dead;
            try {
                dead = launcher.parts().stream().filter(part -> part.state().equals("dead")).toList();
            } catch (RuntimeException e) {
                out.println("    the launcher did not say which parts run: " + e.getMessage());
                return;
            }
            for (PartStatus part : dead) {
                String when = SoakReport.clock(sinceStart());
                out.println("  " + part.part() + " died on its own before " + when + "; started again");
                diedOnTheirOwn.add(part.part() + " before " + when);
                StackPart.named(part.part()).ifPresent(stackPart -> {
                    try {
                        parts.run("start", stackPart);
                    } catch (RuntimeException e) {
                        out.println("    could not start " + part.part() + " again: " + e.getMessage());
                    }
                });
            }
        }

        private Duration sinceStart() {
            return Duration.between(start, Instant.now());
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant first = a.isBefore(b) ? a : b;
        return first.isBefore(c) ? first : c;
    }
}
