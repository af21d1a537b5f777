package io.comanda.e2e.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves the relative links of a set of documents: a path must name a file or folder of the
 * repository, and an {@code #anchor} a heading of the document it points to.
 */
final class DocumentLinks {

    private static final Pattern EXTERNAL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//)");

    private final Path root;
    private final Map<Path, MarkdownDocument> documents = new HashMap<>();

    DocumentLinks(Path root) {
        this.root = root;
    }

    /** Every link of {@code document} that leads nowhere, each with the reason. */
    List<String> broken(MarkdownDocument document) {
        List<String> broken = new ArrayList<>();
        for (String target : document.linkTargets()) {
            if (target.isEmpty() || EXTERNAL.matcher(target).find()) {
                continue;
            }
            String problem = problem(document, target);
            if (problem != null) {
                broken.add(root.relativize(document.file()) + ": (" + target + ") " + problem);
            }
        }
        return broken;
    }

    private String problem(MarkdownDocument document, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? document.file()
                : document.file().getParent().resolve(path).normalize();
        if (!file.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(file)) {
            return "names no file";
        }
        if (hash < 0) {
            return null;
        }
        if (!file.toString().endsWith(".md")) {
            return "has an anchor but is no Markdown document";
        }
        String anchor = target.substring(hash + 1);
        MarkdownDocument linked = path.isEmpty() ? document : headed(file);
        return linked.anchors().contains(anchor) ? null : "has no heading for #" + anchor;
    }

    private MarkdownDocument headed(Path file) {
        return documents.computeIfAbsent(file, MarkdownDocument::read);
    }
}
