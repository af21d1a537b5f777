package io.comanda.e2e.docs;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The anchor GitHub gives a heading: its rendered text in lower case, without punctuation (letters,
 * digits, spaces, hyphens and underscores stay), each space a hyphen.
 */
final class GitHubAnchor {

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern EMPHASIS_OR_CODE = Pattern.compile("[*`]|(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}\\p{M} _-]");

    private GitHubAnchor() {
    }

    static String of(String heading) {
        String text = LINK.matcher(heading).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll("");
        text = EMPHASIS_OR_CODE.matcher(text).replaceAll("");
        text = PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return text.replace(' ', '-');
    }
}
