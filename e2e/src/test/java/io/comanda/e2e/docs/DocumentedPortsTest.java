package io.comanda.e2e.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedPortsTest {

    private static final Repository REPOSITORY = Repository.containingWorkingDirectory();

    @Test
    void everyPortATableGivesIsThePortTheLauncherUsesByDefault() {
        Map<String, String> documented = new LinkedHashMap<>();
        for (Path document : REPOSITORY.documents()) {
            documented.putAll(DocumentedPorts.in(Repository.document(document)));
        }
        Map<String, String> inCode = new LinkedHashMap<>();
        ComandaVariables.portDefaults(REPOSITORY).forEach((variable, port) -> inCode.put(variable, port.toString()));

        assertThat(documented).as("ports in the documents' tables").isNotEmpty();
        assertThat(inCode).as("default ports in the code").containsAllEntriesOf(documented);
    }

    @Test
    void aRowPairsItsPortsWithItsVariablesInOrder() {
        assertThat(DocumentedPorts.in("| Kafka (controller) | 9092 (9093) | `COMANDA_KAFKA_PORT`, `COMANDA_KAFKA_CONTROLLER_PORT` |"))
                .containsExactly(Map.entry("COMANDA_KAFKA_PORT", "9092"), Map.entry("COMANDA_KAFKA_CONTROLLER_PORT", "9093"));
    }

    @Test
    void aRowWithMoreVariablesThanPortsIsReported() {
        assertThat(DocumentedPorts.in("| SMTP | 2525 | `COMANDA_SMTP_PORT`, `COMANDA_IMAP_PORT` |").get("COMANDA_IMAP_PORT"))
                .startsWith("no port beside it");
    }
}
