package org.policysearch.suggest;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/suggest}: public and read-only. */
@RestController
@Tag(name = "search")
class SuggestController {

    static final int MAX_PREFIX_CHARS = 50;
    static final int MAX_SIZE = 20;

    private final SuggestService service;

    SuggestController(SuggestService service) {
        this.service = service;
    }

    @GetMapping("/api/suggest")
    @Operation(
            summary = "Complete what the user is typing",
            description = "Frequent keywords/topics and document titles for a Chinese (Simplified or Traditional) or"
                    + " pinyin prefix, full or initials: 乡村, xiangcun and xczx all suggest 乡村振兴.")
    @ApiResponse(responseCode = "200", description = "Suggestions, terms first")
    @ApiResponse(
            responseCode = "400",
            description = "Prefix too long or size out of range",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    Suggestions suggest(
            @Parameter(description = "The typed prefix", example = "xczx") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "How many suggestions, 1 to " + MAX_SIZE) @RequestParam(defaultValue = "10")
                    int size)
            throws IOException {
        if (q.length() > MAX_PREFIX_CHARS) {
            throw new ApiException(
                    ErrorCode.INVALID_QUERY, "The prefix is longer than " + MAX_PREFIX_CHARS + " characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "size must be between 1 and " + MAX_SIZE);
        }
        return service.suggest(q, size);
    }
}
