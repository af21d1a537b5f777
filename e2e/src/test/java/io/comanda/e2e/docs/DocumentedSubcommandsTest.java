package io.comanda.e2e.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedSubcommandsTest {

    private static final Repository REPOSITORY = Repository.containingWorkingDirectory();

    @Test
    void everySubcommandTheLauncherAcceptsIsDocumented() {
        assertThat(documented()).as("subcommands named after ./comanda in README.md, docs/ and the modules' READMEs")
                .containsAll(LauncherSubcommands.accepted(REPOSITORY));
    }

    @Test
    void everyDocumentedSubcommandIsAcceptedByTheLauncher() {
        assertThat(LauncherSubcommands.accepted(REPOSITORY)).as("subcommands the launcher accepts")
                .containsAll(documented());
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

    private static Set<String> documented() {
        Set<String> verbs = new TreeSet<>();
        for (Path document : REPOSITORY.documents()) {
            verbs.addAll(LauncherSubcommands.documentedIn(Repository.document(document)));
        }
        return verbs;
    }
}
