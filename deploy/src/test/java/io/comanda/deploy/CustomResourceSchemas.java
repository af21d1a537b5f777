package io.comanda.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The JSON schemas of crds/ for the operators' kinds that have no Java model here (see crds/README.md). */
final class CustomResourceSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private CustomResourceSchemas() {
    }

    /** The schema of {@code object}'s group, version and kind, if crds/ has one. */
    static Optional<Schema> schemaOf(RenderedObject object) {
        String resource = "/crds/" + object.apiVersion().replace('/', '_') + "_" + object.kind() + ".schema.json";
        try (InputStream schema = CustomResourceSchemas.class.getResourceAsStream(resource)) {
            return schema == null ? Optional.empty() : Optional.of(REGISTRY.getSchema(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> violations(Schema schema, RenderedObject object) {
        return schema.validate(object.tree()).stream().map(Error::toString).toList();
    }
}
