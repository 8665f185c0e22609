package org.policysearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of {@code GET /api/documents/{id}/similar}: the most similar documents first. */
public record SimilarHits(List<SimilarHit> hits) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SimilarHit(String id, String title, String date, String type, double score) {}
}
