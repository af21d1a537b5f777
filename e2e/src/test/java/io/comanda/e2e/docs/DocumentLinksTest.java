package io.comanda.e2e.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentLinksTest {

    private static final Repository REPOSITORY = Repository.containingWorkingDirectory();

    @Test
    void everyRelativeLinkAndAnchorOfTheDocumentsResolves() {
        DocumentLinks links = new DocumentLinks(REPOSITORY.root());
        List<String> broken = new ArrayList<>();
        for (Path document : REPOSITORY.documents()) {
            broken.addAll(links.broken(MarkdownDocument.read(document)));
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void theDocumentsIncludeTheReadmeTheTopicsAndEachServicesReadme() {
        List<String> documents = REPOSITORY.documents().stream().map(REPOSITORY::relative).toList();
        assertThat(documents).contains("README.md", "docs/architecture.md", "orders-service/README.md",
                "payments-service/README.md", "notifications-service/README.md", "search-indexer/README.md");
    }

    @Test
    void theReadmeStaysAFrontDoor() {
        String readme = Repository.document(REPOSITORY.root().resolve("README.md"));
        assertThat(readme.lines().count()).as("README.md lines").isLessThanOrEqualTo(200);
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReported() {
        Path readme = REPOSITORY.root().resolve("README.md");
        MarkdownDocument document = MarkdownDocument.of(readme, """
                # Title
                [fine](#title) [fine too](docs/runbook.md#dead-letters) [outside](https://example.org/x)
                [no file](docs/nothing-here.md) [no heading](#nowhere) [other](docs/runbook.md#nowhere)
                `[in code](docs/nothing-here.md)`
                ```
                [in a block](docs/nothing-here.md)
                ```
                """);

        assertThat(new DocumentLinks(REPOSITORY.root()).broken(document)).containsExactly(
                "README.md: (docs/nothing-here.md) names no file",
                "README.md: (#nowhere) has no heading for #nowhere",
                "README.md: (docs/runbook.md#nowhere) has no heading for #nowhere");
    }
}
