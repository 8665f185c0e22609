package org.policysearch.ingest;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Batch ingestion of a server-side directory: start a job, then poll its status. */
@RestController
class BatchController {

    private final BatchService batchService;

    BatchController(BatchService batchService) {
        this.batchService = batchService;
    }

    record BatchRequest(String directory) {}

    @Operation(summary = "Ingest every file of a directory on the server (a job; poll it)")
    @PostMapping("/api/batches")
    ResponseEntity<BatchJob.Status> start(@RequestBody BatchRequest request) {
        if (request == null
                || request.directory() == null
                || request.directory().isBlank()) {
            throw new ApiException(
                    ErrorCode.INVALID_PARAMETER, "Give the server-side directory as {\"directory\": \"...\"}");
        }
        BatchJob job = batchService.start(Path.of(request.directory()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/batches/" + job.id()))
                .body(job.status());
    }

    @Operation(summary = "Status of a batch: counts and every file outcome")
    @GetMapping("/api/batches/{id}")
    BatchJob.Status status(@PathVariable String id) {
        return batchService
                .get(id)
                .map(BatchJob::status)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.NOT_FOUND, "No batch " + id.replaceAll("[^0-9a-f-]", "")));
    }

    @Operation(summary = "All batches of this run of the service")
    @GetMapping("/api/batches")
    List<BatchJob.Status> all() {
        return batchService.all();
    }
}
