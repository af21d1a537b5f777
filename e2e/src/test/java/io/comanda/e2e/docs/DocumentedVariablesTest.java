package io.comanda.e2e.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedVariablesTest {

    private static final Repository REPOSITORY = Repository.containingWorkingDirectory();

    @Test
    void everyComandaVariableTheCodeReadsIsDocumented() {
        assertThat(documented()).as("COMANDA_* variables named in README.md, docs/ and the modules' READMEs")
                .containsAll(ComandaVariables.read(REPOSITORY));
    }

    @Test
    void everyDocumentedComandaVariableIsReadByTheCode() {
        assertThat(ComandaVariables.read(REPOSITORY)).as("COMANDA_* variables the code reads")
                .containsAll(documented());
    }

    @Test
    void theLocalStacksPortVariablesAreComposedFromItsParts() {
        assertThat(ComandaVariables.read(REPOSITORY))
                .contains("COMANDA_ORDERS_PORT", "COMANDA_KAFKA_CONTROLLER_PORT", "COMANDA_SEARCH_MANAGEMENT_PORT");
    }

    @Test
    void aPatternOfNamesIsNoVariable() {
        assertThat(ComandaVariables.namedIn("${env:COMANDA_DB_*} COMANDA_<PART>_PORT COMANDA_CACHE, "
                + "${COMANDA_PAYMENTS_URL}")).containsExactly("COMANDA_CACHE", "COMANDA_PAYMENTS_URL");
    }

    private static Set<String> documented() {
        Set<String> variables = new TreeSet<>();
        for (Path document : REPOSITORY.documents()) {
            variables.addAll(ComandaVariables.namedIn(Repository.document(document)));
        }
        return variables;
    }
}
