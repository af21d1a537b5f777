package io.comanda.e2e.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedSubcommandsTest {

    private static final Repository REPOSITORY = Repository.containingWorkingDirectory();

    @Test
    void everySubcommandTheLauncherAcceptsIsDocumented() {
        assertThat(REPOSITORY.namedInDocuments(LauncherSubcommands::documentedIn))
                .as("subcommands named after ./comanda in README.md, docs/ and the modules' READMEs")
                .containsAll(LauncherSubcommands.accepted(REPOSITORY));
    }

    @Test
    void everyDocumentedSubcommandIsAcceptedByTheLauncher() {
        assertThat(LauncherSubcommands.accepted(REPOSITORY)).as("subcommands the launcher accepts")
                .containsAll(REPOSITORY.namedInDocuments(LauncherSubcommands::documentedIn));
    }

    @Test
    void theLauncherIsReadFromItsCommandClassAndItsScript() {
        // The class gives the verbs the JVM handles, the script the one it handles itself.
        assertThat(LauncherSubcommands.accepted(REPOSITORY)).contains("up", "down", "chaos", "dlq", "events");
    }

    @Test
    void aSubcommandIsTheWordAfterTheLauncher() {
        assertThat(LauncherSubcommands.documentedIn("run `./comanda up --fresh`, then ./comanda  stop orders; `./comanda` alone"))
                .containsExactly("stop", "up");
    }
}
