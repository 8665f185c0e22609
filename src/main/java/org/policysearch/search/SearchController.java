package org.policysearch.search;

import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search}: public and read-only. */
@RestController
public class SearchController {

    static final int MAX_SIZE = 100;
    public static final int MAX_WINDOW = 10_000;
    static final int MAX_VALUES_PER_FACET = 50;
    static final int MAX_VALUE_CHARS = 100;

    private final SearchService searchService;

    SearchController(SearchService searchService) {
        this.searchService = searchService;
    }

    @GetMapping("/api/search")
    @SearchApiDoc
    SearchResult search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params)
            throws IOException {
        return searchService.search(parse(params));
    }

    public static SearchParams parse(MultiValueMap<String, String> params) {
        String q = params.getFirst("q");
        // Refuses hostile queries (too long, too many terms) with a 400 before any search work.
        QueryParser.parse(q);
        int page = intParam(params, "page", 1, 1, Integer.MAX_VALUE);
        int size = intParam(params, "size", 10, 1, MAX_SIZE);
        if ((long) page * size > MAX_WINDOW) {
            throw new ApiException(
                    ErrorCode.INVALID_PARAMETER,
                    "Results beyond the first " + MAX_WINDOW + " are not served; narrow the query");
        }
        SearchParams.Sort sort = switch (params.getFirst("sort") == null ? "relevance" : params.getFirst("sort")) {
            case "relevance" -> SearchParams.Sort.RELEVANCE;
            case "date" -> SearchParams.Sort.DATE_ASC;
            case "-date" -> SearchParams.Sort.DATE_DESC;
            default -> throw new ApiException(ErrorCode.INVALID_PARAMETER, "sort must be relevance, date or -date");
        };
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> values = params.get(facet.param);
            if (values != null && !values.isEmpty()) {
                if (values.size() > MAX_VALUES_PER_FACET) {
                    throw new ApiException(ErrorCode.INVALID_PARAMETER, "Too many values for " + facet.param);
                }
                for (String v : values) {
                    if (v.length() > MAX_VALUE_CHARS) {
                        throw new ApiException(
                                ErrorCode.INVALID_PARAMETER,
                                facet.param + " values are at most " + MAX_VALUE_CHARS + " characters");
                    }
                    // An integer field: anything else would reach Elasticsearch as a failing query.
                    if (facet == Facet.YEAR && !v.isBlank() && !v.strip().matches("[0-9]{1,4}")) {
                        throw new ApiException(ErrorCode.INVALID_PARAMETER, "year must be a year like 2020");
                    }
                }
                filters.put(
                        facet,
                        values.stream().filter(v -> !v.isBlank()).distinct().toList());
            }
        }
        boolean includeDuplicates = Boolean.parseBoolean(params.getFirst("includeDuplicates"));
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "from must not be after to");
        }
        return new SearchParams(q == null ? "" : q.strip(), page, size, sort, filters, from, to, includeDuplicates);
    }

    private static int intParam(MultiValueMap<String, String> params, String name, int dflt, int min, int max) {
        String raw = params.getFirst(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v < min || v > max) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " must be a whole number");
        }
    }

    private static LocalDate date(MultiValueMap<String, String> params, String name) {
        String raw = params.getFirst(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(raw.strip());
            // ISO also reads +99999-01-01; the index's dates are four-digit years.
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " must be a date like 2020-03-06");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " must be a date like 2020-03-06");
        }
    }
}
