package io.comanda.e2e;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric names in Prometheus' exposition format and in PromQL expressions. */
final class MetricNames {

    // A metric name, not followed by "(" (that is a function such as histogram_quantile).
    private static final Pattern NAME = Pattern.compile("\\b([a-z_:][a-z0-9_:]*_[a-z0-9_:]*)\\b(?!\\s*\\()");

    private MetricNames() {
    }

    static Set<String> exposed(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    /** The metric names PromQL {@code expressions} use. */
    static Set<String> usedIn(Iterable<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            String promql = expression
                    .replaceAll("\\{[^}]*}", "")          // label matchers
                    .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "") // grouping labels
                    .replaceAll("\\[[^\\]]*\\]", "");         // range selectors
            Matcher name = NAME.matcher(promql);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }
}
