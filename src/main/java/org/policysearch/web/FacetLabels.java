package org.policysearch.web;

import java.util.Map;

/** The Chinese names of the facets, by request parameter. */
final class FacetLabels {

    private static final Map<String, String> LABELS = Map.of(
            "year", "年份",
            "type", "类型",
            "source", "来源",
            "region", "地区",
            "topic", "主题",
            "issuingBody", "发文机关");

    private FacetLabels() {}

    static String of(String param) {
        return LABELS.getOrDefault(param, param);
    }
}
