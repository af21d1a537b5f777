package io.comanda.devstack.faults;

import java.time.Duration;
import java.util.List;

/**
 * What a soak found: its accounting of every order (the fault suite's, as one long scenario), the mails
 * counted, the search index against the orders, the stack's samples and the growth verdict on them.
 *
 * @param settings   how it ran
 * @param ran        from the start of the load until every order was final
 * @param accounting every order's effects, counted as the fault suite counts a scenario's
 * @param mails      the mails drained from the customer's mailbox during the run
 * @param search     the index against the orders at the end
 * @param samples    the stack read at the start, every sample interval, and at the end
 * @param growth     the growth verdict on those samples
 * @param diedOnTheirOwn the parts found dead between faults and started again, each with when
 */
record SoakResult(SoakSettings settings, Duration ran, ScenarioResult accounting, MailCount mails,
                  SearchAgreement search, List<StackSample> samples, List<GrowthCheck> growth,
                  List<String> diedOnTheirOwn) {

    SoakResult {
        samples = List.copyOf(samples);
        growth = List.copyOf(growth);
        diedOnTheirOwn = List.copyOf(diedOnTheirOwn);
    }

    /**
     * The mail ledger's counts.
     *
     * @param mails            mails drained
     * @param duplicates       mails that repeat an earlier one, by Message-ID or by order and kind
     * @param sameMessageId    of those, a Message-ID seen before
     * @param sameOrderAndKind of those, an order and kind seen before
     * @param unattributed     mails whose text names no order
     */
    record MailCount(long mails, long duplicates, long sameMessageId, long sameOrderAndKind, long unattributed) {

        static MailCount of(MailLedger ledger) {
            return new MailCount(ledger.mails(), ledger.duplicates(), ledger.sameMessageId(), ledger.sameOrderAndKind(),
                    ledger.unattributed());
        }
    }

    /**
     * Nothing lost, duplicated, wrong or parked; no mail twice; the index equal to the orders; growth bounded;
     * no part died but by the faults.
     */
    boolean clean() {
        return accounting.clean() && mails.duplicates() == 0 && search.equal() && GrowthVerdict.bounded(growth)
                && diedOnTheirOwn.isEmpty();
    }

    double largestMemoryGrowthPct() {
        return GrowthVerdict.largestMemoryGrowth(growth);
    }

    long largestWalRetainedMib() {
        return GrowthVerdict.largestWalRetainedMib(samples, settings);
    }
}
