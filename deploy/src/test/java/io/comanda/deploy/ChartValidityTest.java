package io.comanda.deploy;

import com.marcnuri.helm.LintResult;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart is well formed: Helm accepts it, and every object it renders is one the API server and the
 * operators would accept. Nothing is deployed: no API server runs in the build.
 */
class ChartValidityTest {

    // Kinds the chart renders that are read by an operator whose CRD has a schema in crds/.
    private static final Set<String> SCHEMA_GROUPS = Set.of("postgresql.cnpg.io", "k8s.keycloak.org");

    private static List<RenderedObject> rendered;

    @BeforeAll
    static void render() {
        rendered = ComandaChart.withTestValues().render();
    }

    @Test
    void theChartPassesHelmLint() {
        LintResult lint = ComandaChart.withTestValues().lint();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    }

    @Test
    void everyRenderedObjectIsAValidKubernetesObject() {
        List<String> problems = new ArrayList<>();
        for (RenderedObject object : rendered) {
            problems.addAll(problemsOf(object));
        }

        assertThat(rendered).hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyObjectHasAUniqueKindAndName() {
        List<String> names = rendered.stream().map(RenderedObject::toString).toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void theChartRefusesToRenderWithoutItsSecrets() {
        ComandaChart asShipped = ComandaChart.withDefaultValues();

        assertThatThrownBy(asShipped::render).hasMessageContaining("is empty: set it");
    }

    private static List<String> problemsOf(RenderedObject object) {
        List<String> problems = new ArrayList<>();
        if (object.name().isBlank()) {
            problems.add(object + ": no metadata.name");
        }
        Optional<Class<?>> model = StrictModels.modelOf(object);
        Optional<Schema> schema = CustomResourceSchemas.schemaOf(object);
        if (model.isPresent()) {
            Object read = StrictModels.read(object, model.get());
            StrictModels.unknownFields(read).forEach(field -> problems.add(object + ": unknown field " + field));
            RequiredFields.missingIn(object).forEach(field -> problems.add(object + ": missing " + field));
        } else if (schema.isPresent() && SCHEMA_GROUPS.contains(object.group())) {
            CustomResourceSchemas.violations(schema.get(), object).forEach(v -> problems.add(object + ": " + v));
        } else {
            problems.add(object + ": no model or schema to check " + object.apiVersion() + " " + object.kind() + " against");
        }
        return problems;
    }
}
