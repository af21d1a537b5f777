package io.comanda.devstack.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The soak's result as JSON, beside the fault suite's: {@code .comanda/soak-result.json} under the
 * repository root. The {@code RESULT L2} line's numbers, the run's {@code clean}, the accounting as a
 * fault-suite row, the mails, the search index, the growth verdict and the first and last samples.
 * Deleted when a soak starts, so a file present belongs to the last soak that finished.
 */
public final class SoakResultFile {

    /** Where {@code ./comanda chaos --soak} writes it, relative to the repository root. */
    public static final String RELATIVE_PATH = ".comanda/soak-result.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SoakResultFile() {
    }

    /** The file under the root {@code ./comanda} runs in. */
    public static Path ofRunningCommand() {
        return Path.of(System.getProperty("comanda.root", ".")).resolve(RELATIVE_PATH).toAbsolutePath().normalize();
    }

    static void write(Path file, SoakResult result) {
        ChaosResultFile.write(file, json(result));
    }

    static ObjectNode json(SoakResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("clean", result.clean());
        root.put("minutes", result.settings().duration().toMinutes());
        root.put("ranSeconds", result.ran().toSeconds());
        root.put("ordersPerSecond", result.settings().ordersPerSecond());
        root.put("orders", result.accounting().orders());
        root.put("lost", result.accounting().lost());
        root.put("duplicated", result.accounting().duplicateEffects());
        root.put("duplicateMails", result.mails().duplicates());
        root.put("rssGrowthPct", result.largestMemoryGrowthPct());
        root.put("walRetainedMb", result.largestWalRetainedMib());
        result.diedOnTheirOwn().forEach(root.putArray("diedOnTheirOwn")::add);
        root.set("accounting", ChaosResultFile.scenario(result.accounting()));
        root.set("mails", JSON.valueToTree(result.mails()));
        root.set("search", JSON.valueToTree(result.search()));
        ArrayNode growth = root.putArray("growth");
        result.growth().forEach(check -> growth.add(growth(check)));
        if (!result.samples().isEmpty()) {
            root.set("start", sample(result.samples().get(0)));
            root.set("end", sample(result.samples().get(result.samples().size() - 1)));
        }
        return root;
    }

    private static ObjectNode growth(GrowthCheck check) {
        ObjectNode row = JSON.createObjectNode();
        row.put("kind", check.kind());
        row.put("subject", check.subject());
        row.put("from", check.from());
        row.put("to", check.to());
        if (check.growthPct().isPresent()) {
            row.put("growthPct", check.growthPct().getAsDouble());
        }
        row.put("judged", check.judged());
        row.put("ok", check.ok());
        row.put("note", check.note());
        return row;
    }

    private static ObjectNode sample(StackSample sample) {
        ObjectNode node = JSON.createObjectNode();
        node.put("atSeconds", sample.at().toSeconds());
        node.set("rssMib", values(sample.memory(), StackSample.PartMemory::rssMib));
        node.set("rows", values(sample.rows(), rows -> rows));
        node.set("topicBytes", values(sample.topics(), StackSample.TopicSize::bytes));
        node.set("topicRecords", values(sample.topics(), StackSample.TopicSize::records));
        node.set("walRetainedBytes", values(sample.walRetained(), bytes -> bytes));
        node.set("lag", values(sample.lag(), lag -> lag));
        return node;
    }

    private static <T> ObjectNode values(Map<String, T> values, Function<T, Long> value) {
        ObjectNode node = JSON.createObjectNode();
        values.forEach((key, v) -> node.put(key, value.apply(v)));
        return node;
    }
}
