package io.comanda.devstack.faults;

import java.util.Collection;
import java.util.List;

/**
 * What a run of the fault suite found: a row per scenario, and once every order is final, its mail and
 * its search document.
 *
 * @param scenarios one result per scenario, as last accounted
 * @param mail      the customer's mail about the run's orders
 * @param index     search-indexer's documents against the run's orders
 */
public record SuiteResult(List<ScenarioResult> scenarios, MailCheck mail, SearchAgreement index) {

    public SuiteResult {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * The mail of a run's orders.
     *
     * @param orders            the run's orders
     * @param mails             mails read
     * @param ordersMissingMail orders without one of their mails (received, then confirmed or cancelled)
     * @param duplicates        mails that repeat an earlier one
     */
    public record MailCheck(int orders, long mails, long ordersMissingMail, long duplicates) {

        static MailCheck of(MailLedger ledger, Collection<String> orderIds, int kindsPerOrder) {
            return new MailCheck(orderIds.size(), ledger.mails(), ledger.ordersMissingMail(orderIds, kindsPerOrder),
                    ledger.duplicates());
        }

        /** One mail per event of every order, none twice. */
        public boolean clean() {
            return ordersMissingMail == 0 && duplicates == 0;
        }
    }

    /**
     * Every scenario clean, one mail per event, every order of the run indexed with its status. The totals
     * are not compared: orders a test wrote straight into the database, without an event, have no document.
     */
    public boolean clean() {
        return scenarios.stream().allMatch(ScenarioResult::clean) && mail.clean() && index.everyOrderIndexed();
    }
}
