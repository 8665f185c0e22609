package org.policysearch.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/**
 * The OpenAPI description of {@code GET /api/search}, kept apart from the controller because its parameters are
 * read from a multi-value map (facets repeat) that springdoc cannot describe by itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag(name = "search")
@Operation(
        summary = "Search documents",
        description = "Keyword search (Simplified or Traditional) with highlighted snippets and facet counts. Facet"
                + " selections are OR within a facet and AND across facets; each facet's counts ignore its own"
                + " selection. Duplicates are collapsed into their representative unless includeDuplicates=true.",
        parameters = {
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "The query", example = "乡村振兴"),
            @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", defaultValue = "1")),
            @Parameter(
                    name = "size",
                    in = ParameterIn.QUERY,
                    description = "Hits per page, 1 to 100",
                    schema = @Schema(type = "integer", defaultValue = "10")),
            @Parameter(
                    name = "sort",
                    in = ParameterIn.QUERY,
                    schema =
                            @Schema(
                                    allowableValues = {"relevance", "date", "-date"},
                                    defaultValue = "relevance")),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "Earliest date, e.g. 2020-01-01"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Latest date, e.g. 2020-12-31"),
            @Parameter(name = "year", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string"))),
            @Parameter(name = "type", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string"))),
            @Parameter(
                    name = "source",
                    in = ParameterIn.QUERY,
                    array = @ArraySchema(schema = @Schema(type = "string"))),
            @Parameter(
                    name = "region",
                    in = ParameterIn.QUERY,
                    array = @ArraySchema(schema = @Schema(type = "string"))),
            @Parameter(name = "topic", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string"))),
            @Parameter(
                    name = "issuingBody",
                    in = ParameterIn.QUERY,
                    array = @ArraySchema(schema = @Schema(type = "string"))),
            @Parameter(
                    name = "includeDuplicates",
                    in = ParameterIn.QUERY,
                    schema = @Schema(type = "boolean", defaultValue = "false"))
        })
@ApiResponse(responseCode = "200", description = "Hits and facet counts")
@ApiResponse(
        responseCode = "400",
        description = "Invalid parameter or query",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(
        responseCode = "503",
        description = "The search engine is not available",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@interface SearchApiDoc {}
