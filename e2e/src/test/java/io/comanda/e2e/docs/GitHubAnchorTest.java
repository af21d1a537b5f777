package io.comanda.e2e.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GitHubAnchorTest {

    @Test
    void punctuationGoesAndSpacesBecomeHyphens() {
        assertThat(GitHubAnchor.of("Runbook: failures, dead letters and reconciliation"))
                .isEqualTo("runbook-failures-dead-letters-and-reconciliation");
        assertThat(GitHubAnchor.of("Charged once, also beyond Stripe's 24 h")).isEqualTo("charged-once-also-beyond-stripes-24-h");
        assertThat(GitHubAnchor.of("With Docker: docker-compose.yml")).isEqualTo("with-docker-docker-composeyml");
    }

    @Test
    void codeAndLinksCountByTheirText() {
        assertThat(GitHubAnchor.of("Identity: the `comanda` realm")).isEqualTo("identity-the-comanda-realm");
        assertThat(GitHubAnchor.of("Following one order: `./comanda trace`")).isEqualTo("following-one-order-comanda-trace");
        assertThat(GitHubAnchor.of("See [the runbook](runbook.md)")).isEqualTo("see-the-runbook");
        assertThat(GitHubAnchor.of("`COMANDA_CACHE` and **bold**")).isEqualTo("comanda_cache-and-bold");
    }

    @Test
    void aRepeatedHeadingIsNumbered() {
        MarkdownDocument document = MarkdownDocument.of(Path.of("x.md"), "# Setup\n## Setup\n### Setup\n");
        assertThat(document.anchors()).containsExactly("setup", "setup-1", "setup-2");
    }

    @Test
    void aCommentInACodeBlockIsNoHeading() {
        MarkdownDocument document = MarkdownDocument.of(Path.of("x.md"), "# Title\n```bash\n# not a heading\n```\n");
        assertThat(document.anchors()).containsExactly("title");
    }
}
