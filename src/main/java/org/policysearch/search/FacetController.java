package org.policysearch.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/facets/{facet}}: "show more" of a large facet, with value search. Public and read-only. */
@RestController
@Tag(name = "search")
class FacetController {

    static final int MAX_SIZE = 200;
    static final int MAX_FILTER_CHARS = 50;
    /** Year is a full histogram in every search response already; a substring search over years means nothing. */
    static final List<Facet> SEARCHABLE =
            List.of(Facet.ISSUING_BODY, Facet.REGION, Facet.SOURCE, Facet.TOPIC, Facet.TYPE);

    private final FacetValuesService service;

    FacetController(FacetValuesService service) {
        this.service = service;
    }

    @GetMapping("/api/facets/{facet}")
    @Operation(
            summary = "Values of one facet",
            description = "The values of one facet with their counts under the same query, dates and other facet"
                    + " selections as GET /api/search (its parameters apply here too), most frequent first,"
                    + " optionally only those containing `prefix` (Simplified or Traditional).")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "The search query, as in GET /api/search")
    @Parameter(
            name = "type",
            in = ParameterIn.QUERY,
            description = "A selected facet value (repeatable); likewise year, source, region, topic, issuingBody,"
                    + " from, to and includeDuplicates")
    @ApiResponse(responseCode = "200", description = "The facet's values")
    @ApiResponse(
            responseCode = "400",
            description = "Unknown facet or invalid parameter",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    FacetValues values(
            @Parameter(
                            description = "issuingBody, region, source, topic or type",
                            schema = @Schema(allowableValues = {"issuingBody", "region", "source", "topic", "type"}))
                    @PathVariable
                    String facet,
            @Parameter(description = "Only values containing this text", example = "人民政府")
                    @RequestParam(required = false)
                    String prefix,
            @Parameter(description = "How many values, 1 to " + MAX_SIZE) @RequestParam(defaultValue = "50") int size,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params)
            throws IOException {
        Facet f = Facet.byParam(facet)
                .filter(SEARCHABLE::contains)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.INVALID_PARAMETER, "facet must be issuingBody, region, source, topic or type"));
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "size must be between 1 and " + MAX_SIZE);
        }
        if (prefix != null && prefix.length() > MAX_FILTER_CHARS) {
            throw new ApiException(
                    ErrorCode.INVALID_PARAMETER, "prefix is longer than " + MAX_FILTER_CHARS + " characters");
        }
        // The search parameters without this endpoint's own (size means hits per page there).
        MultiValueMap<String, String> search = new LinkedMultiValueMap<>(params);
        List.of("prefix", "size", "page", "sort").forEach(search::remove);
        return service.values(f, SearchController.parse(search), prefix, size);
    }
}
