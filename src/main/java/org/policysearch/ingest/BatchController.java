package org.policysearch.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "batches")
class BatchController {

    private final BatchService batchService;

    BatchController(BatchService batchService) {
        this.batchService = batchService;
    }

    record BatchRequest(String directory) {}

    @PostMapping("/api/batches")
    @Operation(
            summary = "Ingest a server-side directory as a job",
            description =
                    "Every file below the directory is ingested; a failing file is recorded and the batch goes on.")
    @ApiResponse(responseCode = "202", description = "Started; poll the Location for status")
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

    @GetMapping("/api/batches/{id}")
    @Operation(summary = "A batch job's counts and per-file outcomes")
    BatchJob.Status status(@PathVariable String id) {
        return batchService
                .get(id)
                .map(BatchJob::status)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.NOT_FOUND, "No batch " + id.replaceAll("[^0-9a-f-]", "")));
    }

    @GetMapping("/api/batches")
    @Operation(summary = "Batch jobs: every unfinished one and the most recent finished ones, across restarts")
    List<BatchJob.Status> all() {
        return batchService.all();
    }
}
