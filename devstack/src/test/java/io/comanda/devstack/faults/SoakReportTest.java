package io.comanda.devstack.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The soak's report and its JSON: the start and end of every reading, the verdict, and the RESULT line. */
class SoakReportTest {

    private static final SoakSettings SETTINGS = SoakSettings.of(Duration.ofMinutes(30))
            .withRetained(Set.of("outbox"));
    private static final long MIB = 1024 * 1024;

    @Test
    void aCleanRunEndsWithItsNumbersOnTheResultLine() {
        SoakResult result = result(accounting(0, 0), new SoakResult.MailCount(72000, 0, 0, 0, 0), 320);

        assertThat(result.clean()).isTrue();
        assertThat(SoakReport.resultLine(result)).isEqualTo("RESULT L2 minutes=30 orders=36000 lost=0 duplicated=0"
                + " duplicate_mails=0 rss_growth_pct=6.7 wal_retained_mb=12 died=0");
    }

    @Test
    void aMailSentTwiceMakesTheRunUnclean() {
        SoakResult result = result(accounting(0, 0), new SoakResult.MailCount(72001, 1, 1, 1, 0), 320);

        assertThat(result.clean()).isFalse();
        assertThat(SoakReport.resultLine(result)).contains("duplicate_mails=1");
    }

    @Test
    void aLostOrderOrGrowthMakesTheRunUnclean() {
        assertThat(result(accounting(1, 0), new SoakResult.MailCount(0, 0, 0, 0, 0), 320).clean()).isFalse();
        assertThat(result(accounting(0, 0), new SoakResult.MailCount(0, 0, 0, 0, 0), 400).clean()).isFalse();
    }

    @Test
    void aPartThatDiedOnItsOwnMakesTheRunUncleanAndIsNamed() {
        SoakResult result = result(accounting(0, 0), new SoakResult.MailCount(72000, 0, 0, 0, 0), 320,
                List.of("zipkin before 12:40"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SoakReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), result);

        assertThat(result.clean()).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Parts that died on their own, started again: zipkin before 12:40");
        assertThat(SoakReport.resultLine(result)).endsWith(" died=1");
        assertThat(SoakResultFile.json(result).path("diedOnTheirOwn").get(0).asText()).isEqualTo("zipkin before 12:40");
    }

    @Test
    void theReportShowsEveryReadingAtTheStartAndTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SoakReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                result(accounting(0, 0), new SoakResult.MailCount(72000, 0, 0, 0, 0), 400));
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertThat(report).contains("| memory  | orders", "250 MiB (100)", "400 MiB (100)")
                .contains("| rows    | orders.outbox", "| topic   | comanda.orders", "| wal     | orders_outbox",
                        "| lag     | search-indexer")
                .contains("| memory | orders", "NO")
                .contains("Mails: 72000 read over IMAP, 0 twice")
                .contains("Search index: 2 of the soak's orders compared, 0 without a document");
        assertThat(report.strip().lines().reduce((first, second) -> second)).hasValueSatisfying(
                last -> assertThat(last).startsWith("RESULT L2 minutes=30 orders=36000"));
    }

    @Test
    void theJsonHoldsTheResultLinesNumbersAndTheVerdict() {
        ObjectNode json = SoakResultFile.json(result(accounting(0, 0), new SoakResult.MailCount(72000, 0, 0, 0, 0), 320));

        assertThat(json.path("clean").asBoolean()).isTrue();
        assertThat(json.path("orders").asInt()).isEqualTo(36000);
        assertThat(json.path("duplicateMails").asLong(-1)).isZero();
        assertThat(json.path("walRetainedMb").asLong()).isEqualTo(12);
        assertThat(json.path("accounting").path("lost").asInt(-1)).isZero();
        assertThat(json.path("growth")).isNotEmpty();
        assertThat(json.path("end").path("rows").path("orders.outbox").asLong()).isEqualTo(1020);
        assertThat(json.path("end").path("topicRecords").path("comanda.orders").asLong()).isEqualTo(90000);
    }

    private static SoakResult result(ScenarioResult accounting, SoakResult.MailCount mails, long endRssMib) {
        return result(accounting, mails, endRssMib, List.of());
    }

    private static SoakResult result(ScenarioResult accounting, SoakResult.MailCount mails, long endRssMib,
                                     List<String> diedOnTheirOwn) {
        List<StackSample> samples = List.of(
                sample(0, 250, 100, 0),
                sample(5, 300, 1000, 5),
                sample(31, endRssMib, 1020, 12));
        return new SoakResult(SETTINGS, Duration.ofMinutes(31), accounting, mails,
                SearchAgreement.of(Map.of("a", "CONFIRMED", "b", "CANCELLED"),
                        Map.of("a", "CONFIRMED", "b", "CANCELLED"), 36000, 36000),
                samples, GrowthVerdict.judge(samples, SETTINGS), diedOnTheirOwn);
    }

    private static StackSample sample(int minute, long rssMib, long outbox, long walMib) {
        return new StackSample(Duration.ofMinutes(minute), Map.of("orders", new StackSample.PartMemory(100, rssMib)),
                Map.of("orders.outbox", outbox), Map.of("comanda.orders", new StackSample.TopicSize(64 * MIB, 90000)),
                Map.of("orders_outbox", walMib * MIB), Map.of("search-indexer", 0L));
    }

    private static ScenarioResult accounting(int lost, int duplicated) {
        return new ScenarioResult("soak 30 min", 36000, 36000 - lost, 21600, 120, duplicated, lost, 0, 0, 0,
                Duration.ofSeconds(40), List.of());
    }
}
