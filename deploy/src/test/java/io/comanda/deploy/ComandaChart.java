package io.comanda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart of helm/comanda as the build sees it: copied into target/ with its symbolic links resolved (as
 * {@code helm package} would), linted and rendered by Helm's own code, in process. The copy's values.yaml is
 * the chart's, overlaid with the values a test installation sets (values-for-tests.yaml): {@code helm lint}
 * takes no values file, and the chart refuses to render without its secrets.
 */
final class ComandaChart {

    static final Path SOURCE = Path.of("helm", "comanda");
    static final Path REPOSITORY_ROOT = Path.of("..");
    private static final Path TEST_VALUES = Path.of("src", "test", "resources", "values-for-tests.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path chart;

    private ComandaChart(Path chart) {
        this.chart = chart;
    }

    /** The chart with the test installation's values. */
    static ComandaChart withTestValues() {
        return copiedTo(Path.of("target", "chart-with-test-values", "comanda"), true);
    }

    /** The chart with its own values only, as a user who set nothing would install it. */
    static ComandaChart withDefaultValues() {
        return copiedTo(Path.of("target", "chart-as-shipped", "comanda"), false);
    }

    LintResult lint() {
        return new Helm(chart).lint().strict().call();
    }

    /** Every object {@code helm template} renders, with {@code overrides} set as {@code --set} would. */
    List<RenderedObject> render(Map<String, Object> overrides) {
        TemplateCommand template = new Helm(chart).template().withName("comanda").withNamespace("comanda");
        overrides.forEach(template::set);
        String manifests = template.call();
        if (overrides.isEmpty()) {
            write(chart.resolveSibling("rendered.yaml"), manifests);
        }
        return parse(manifests);
    }

    List<RenderedObject> render() {
        return render(Map.of());
    }

    /** Left beside the copy, so that a person can read what the build checked. */
    private static void write(Path file, String manifests) {
        try {
            Files.writeString(file, manifests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RenderedObject> parse(String manifests) {
        List<RenderedObject> objects = new ArrayList<>();
        try {
            Iterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifests);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    objects.add(new RenderedObject((ObjectNode) document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private static ComandaChart copiedTo(Path target, boolean testValues) {
        try {
            deleteRecursively(target);
            try (Stream<Path> files = Files.walk(SOURCE, FileVisitOption.FOLLOW_LINKS)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(SOURCE.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            if (testValues) {
                ObjectNode values = (ObjectNode) YAML.readTree(SOURCE.resolve("values.yaml").toFile());
                overlay(values, (ObjectNode) YAML.readTree(TEST_VALUES.toFile()));
                YAML.writeValue(target.resolve("values.yaml").toFile(), values);
            }
            return new ComandaChart(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's rule for a values file: maps merge key by key, anything else replaces. */
    private static void overlay(ObjectNode base, ObjectNode overlay) {
        overlay.properties().forEach(entry -> {
            JsonNode existing = base.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode overlayObject) {
                overlay(existingObject, overlayObject);
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
