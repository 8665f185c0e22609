package org.policysearch.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/documents/{id}/similar}: public and read-only. */
@RestController
@Tag(name = "documents")
class SimilarController {

    static final int MAX_SIZE = 50;

    private final SimilarService service;

    SimilarController(SimilarService service) {
        this.service = service;
    }

    @GetMapping("/api/documents/{id}/similar")
    @Operation(
            summary = "Documents similar to one document",
            description = "More-like-this on title and text. The document's duplicates (and the document it"
                    + " duplicates) are left out.")
    @ApiResponse(responseCode = "200", description = "Similar documents, most similar first")
    @ApiResponse(
            responseCode = "404",
            description = "No such document",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "400",
            description = "size out of range",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    SimilarHits similar(
            @Parameter(description = "Document id") @PathVariable String id,
            @Parameter(description = "How many documents, 1 to " + MAX_SIZE) @RequestParam(defaultValue = "10")
                    int size)
            throws IOException {
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "size must be between 1 and " + MAX_SIZE);
        }
        return service.similar(id, size)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No document with id " + id));
    }
}
