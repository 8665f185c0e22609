package org.policysearch.suggest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of {@code GET /api/suggest}: terms first (most frequent first), then titles (newest first). */
public record Suggestions(List<Suggestion> suggestions) {

    /**
     * @param text what to show and, when picked, search for
     * @param kind {@code term} (a keyword or topic) or {@code title}
     * @param id the document of a title suggestion
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(String text, String kind, String id) {}
}
