package org.policysearch.search;

import java.util.Arrays;
import java.util.Optional;

/** The facets users browse by: request parameter name, index field, and how many values to return by default. */
public enum Facet {
    YEAR("year", "year", 30),
    TYPE("type", "type", 20),
    SOURCE("source", "source", 10),
    REGION("region", "regions", 10),
    TOPIC("topic", "topics", 20),
    ISSUING_BODY("issuingBody", "issuingBody", 10);

    public final String param;
    final String field;
    final int defaultSize;

    Facet(String param, String field, int defaultSize) {
        this.param = param;
        this.field = field;
        this.defaultSize = defaultSize;
    }

    public static Optional<Facet> byParam(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst();
    }
}
