package io.comanda.devstack.faults;

import java.util.OptionalDouble;

/**
 * One line of the soak's growth verdict.
 *
 * @param kind      {@code memory}, {@code rows} or {@code wal}
 * @param subject   the part, table or replication slot
 * @param from      the value it is measured from (after the warm-up), as printed; {@code -} when none
 * @param to        the value at the end (for WAL: the most seen after the warm-up), as printed
 * @param growthPct the growth from {@code from} to {@code to}; empty when not measured
 * @param judged    whether it counts towards the verdict (a table the run does not outlive, or a part
 *                  started too late to have warmed up, is only shown)
 * @param ok        within its bound, or not judged
 * @param note      why, in a few words
 */
record GrowthCheck(String kind, String subject, String from, String to, OptionalDouble growthPct, boolean judged,
                   boolean ok, String note) {
}
