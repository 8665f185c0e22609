package org.policysearch.ingest;

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

    @PostMapping("/api/admin/rebuild")
    ResponseEntity<RebuildJob.Status> start() {
        RebuildJob job = rebuildService.start();
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/rebuild/" + job.id()))
                .body(job.status());
    }

    @GetMapping("/api/admin/rebuild/{id}")
    RebuildJob.Status status(@PathVariable String id) {
        return rebuildService
                .get(id)
                .map(RebuildJob::status)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.NOT_FOUND, "No rebuild " + id.replaceAll("[^0-9a-f-]", "")));
    }
}
