package io.comanda.e2e.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown document as GitHub renders it, as far as links go: its headings' anchors and the links of
 * its prose. Fenced code blocks and inline code hold neither (a {@code # comment} in a shell block is no
 * heading, a {@code [x](y)} in backticks no link).
 */
final class MarkdownDocument {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private final Path file;
    private final List<String> prose = new ArrayList<>();
    private final Set<String> anchors = new LinkedHashSet<>();

    private MarkdownDocument(Path file, String text) {
        this.file = file;
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            prose.add(line);
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(unique(GitHubAnchor.of(heading.group(2)), seen));
            }
        }
    }

    static MarkdownDocument read(Path file) {
        return new MarkdownDocument(file, Repository.document(file));
    }

    static MarkdownDocument of(Path file, String text) {
        return new MarkdownDocument(file, text);
    }

    Path file() {
        return file;
    }

    Set<String> anchors() {
        return anchors;
    }

    /** The targets of the document's links, in order, as written (e.g. {@code docs/runbook.md#dead-letters}). */
    List<String> linkTargets() {
        List<String> targets = new ArrayList<>();
        for (String line : prose) {
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                targets.add(link.group(2));
            }
        }
        return targets;
    }

    /** GitHub numbers a repeated heading's anchor: {@code setup}, {@code setup-1}, {@code setup-2}. */
    private static String unique(String anchor, Map<String, Integer> seen) {
        int count = seen.merge(anchor, 1, Integer::sum);
        return count == 1 ? anchor : anchor + "-" + (count - 1);
    }
}
