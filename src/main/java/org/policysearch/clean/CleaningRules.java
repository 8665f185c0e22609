package org.policysearch.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** Loads the data-driven cleaning rules shipped on the classpath. */
final class CleaningRules {

    static final String RESOURCE = "/ingest/rules/cleaning.yml";
    private static final String TO_END = "END";

    private CleaningRules() {}

    static List<CleaningRule> load() {
        try (InputStream in = Objects.requireNonNull(
                CleaningRules.class.getResourceAsStream(RESOURCE), RESOURCE + " missing from the classpath")) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<CleaningRule> parse(InputStream yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        List<Map<String, Object>> rules = (List<Map<String, Object>>) root.get("rules");
        return rules.stream().map(CleaningRules::rule).toList();
    }

    @SuppressWarnings("unchecked")
    private static CleaningRule rule(Map<String, Object> m) {
        String id = (String) Objects.requireNonNull(m.get("id"), "rule without id");
        String until = (String) m.get("until");
        List<String> hosts = (List<String>) m.getOrDefault("hosts", List.of());
        return new CleaningRule(
                id,
                (String) m.getOrDefault("description", ""),
                CleaningRule.Kind.valueOf(((String) m.get("kind")).toUpperCase(Locale.ROOT)),
                Pattern.compile((String) Objects.requireNonNull(m.get("pattern"), id + ": no pattern")),
                until == null || until.equals(TO_END) ? null : Pattern.compile(until),
                TO_END.equals(until),
                (String) m.getOrDefault("replacement", ""),
                hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }
}
