package org.policysearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The request limits of {@link SearchController#parse}: each refused with a 400 before any search work. */
class SearchLimitsTest {

    private static MultiValueMap<String, String> params(Map<String, String> single) {
        MultiValueMap<String, String> m = new LinkedMultiValueMap<>();
        single.forEach(m::add);
        return m;
    }

    private static void refused(MultiValueMap<String, String> params, ErrorCode code) {
        assertThatThrownBy(() -> SearchController.parse(params))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void pageSizeAndDepthAreBounded() {
        assertThat(SearchController.parse(params(Map.of("size", "100", "page", "100")))
                        .size())
                .isEqualTo(100);
        refused(params(Map.of("size", "101")), ErrorCode.INVALID_PARAMETER);
        refused(params(Map.of("size", "0")), ErrorCode.INVALID_PARAMETER);
        refused(params(Map.of("size", "100", "page", "101")), ErrorCode.INVALID_PARAMETER);
        refused(params(Map.of("page", String.valueOf(Integer.MAX_VALUE))), ErrorCode.INVALID_PARAMETER);
        refused(params(Map.of("page", "abc")), ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void dateRangesMustBeValid() {
        SearchParams ok = SearchController.parse(params(Map.of("from", "2020-01-01", "to", "2020-12-31")));
        assertThat(ok.from()).isBefore(ok.to());
        assertThat(SearchController.parse(params(Map.of("from", "2020-05-05", "to", "2020-05-05")))
                        .from())
                .isEqualTo(ok.from().withMonth(5).withDayOfMonth(5));
        refused(params(Map.of("from", "2021-01-01", "to", "2020-01-01")), ErrorCode.INVALID_PARAMETER);
        refused(params(Map.of("from", "+99999-01-01")), ErrorCode.INVALID_PARAMETER);
        refused(params(Map.of("to", "2020-02-30")), ErrorCode.INVALID_PARAMETER);
        refused(params(Map.of("from", "yesterday")), ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void filterValuesAreBoundedInNumberAndLength() {
        MultiValueMap<String, String> many = new LinkedMultiValueMap<>();
        many.put("type", new ArrayList<>(Collections.nCopies(SearchController.MAX_VALUES_PER_FACET, "讲话")));
        assertThat(SearchController.parse(many).filters()).containsKey(Facet.TYPE);
        many.add("type", "通知");
        refused(many, ErrorCode.INVALID_PARAMETER);
        assertThat(SearchController.parse(params(Map.of("source", "网".repeat(SearchController.MAX_VALUE_CHARS))))
                        .filters())
                .containsKey(Facet.SOURCE);
        refused(
                params(Map.of("source", "网".repeat(SearchController.MAX_VALUE_CHARS + 1))),
                ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void yearsMustBeYears() {
        assertThat(SearchController.parse(params(Map.of("year", "2020"))).filters())
                .containsEntry(Facet.YEAR, java.util.List.of("2020"));
        refused(params(Map.of("year", "abc")), ErrorCode.INVALID_PARAMETER);
        refused(params(Map.of("year", "20200")), ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void hostileQueriesAreRefusedAsQueries() {
        refused(params(Map.of("q", "政".repeat(QueryParser.MAX_CHARS + 1))), ErrorCode.INVALID_QUERY);
        refused(params(Map.of("sort", "_script")), ErrorCode.INVALID_PARAMETER);
    }
}
