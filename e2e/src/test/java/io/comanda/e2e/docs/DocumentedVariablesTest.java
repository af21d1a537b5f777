package io.comanda.e2e.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedVariablesTest {

    private static final Repository REPOSITORY = Repository.containingWorkingDirectory();

    @Test
    void everyComandaVariableTheCodeReadsIsDocumented() {
        assertThat(REPOSITORY.namedInDocuments(ComandaVariables::namedIn))
                .as("COMANDA_* variables named in README.md, docs/ and the modules' READMEs")
                .containsAll(ComandaVariables.read(REPOSITORY));
    }

    @Test
    void everyDocumentedComandaVariableIsReadByTheCode() {
        assertThat(ComandaVariables.read(REPOSITORY)).as("COMANDA_* variables the code reads")
                .containsAll(REPOSITORY.namedInDocuments(ComandaVariables::namedIn));
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
}
