package org.policysearch.ingest;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuild of the index from the kept originals (after rules improve): start a job, then poll it. API key needed. */
@RestController
class RebuildController {

    private final RebuildService rebuildService;

    RebuildController(RebuildService rebuildService) {
        this.rebuildService = rebuildService;
    }

    @Operation(
            summary = "Rebuild the index from the kept originals",
            description = "Re-runs the current pipeline over every kept original into a new index version and"
                    + " swaps the alias, unless a document would be lost. Answers 202 with the job; poll it.")
    @PostMapping("/api/admin/rebuild")
    ResponseEntity<RebuildJob.Status> start() {
        RebuildJob job = rebuildService.start();
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/rebuild/" + job.id()))
                .body(job.status());
    }

    @Operation(summary = "Status of a rebuild: counts, documents that did not make it, whether the alias moved")
    @GetMapping("/api/admin/rebuild/{id}")
    RebuildJob.Status status(@PathVariable String id) {
        return rebuildService
                .get(id)
                .map(RebuildJob::status)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.NOT_FOUND, "No rebuild " + id.replaceAll("[^0-9a-f-]", "")));
    }
}
