package org.policysearch.metadata;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Document genre by title patterns, first match in file order ({@code ingest/metadata/doc-types.yml}). */
final class DocTypes {

    record Type(String name, List<Pattern> patterns) {}

    private final List<Type> types;

    DocTypes(List<Type> types) {
        this.types = List.copyOf(types);
    }

    @SuppressWarnings("unchecked")
    static DocTypes load() {
        Map<String, Object> root = DataFiles.yaml("doc-types.yml");
        List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("types");
        return new DocTypes(entries.stream()
                .map(e -> new Type(
                        (String) e.get("type"),
                        ((List<String>) e.get("patterns"))
                                .stream().map(Pattern::compile).toList()))
                .toList());
    }

    /** The type of the first candidate (title, then leading lines) that any type matches; null when none does. */
    String classify(List<String> candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            for (Type type : types) {
                if (type.patterns().stream().anyMatch(p -> p.matcher(candidate).find())) {
                    return type.name();
                }
            }
        }
        return null;
    }
}
