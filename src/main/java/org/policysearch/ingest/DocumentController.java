package org.policysearch.ingest;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.PolicyDocument;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload one document, read it back, download its original. */
@RestController
class DocumentController {

    private final IngestService ingestService;
    private final DocumentStore store;
    private final OriginalStore originals;

    DocumentController(IngestService ingestService, DocumentStore store, OriginalStore originals) {
        this.ingestService = ingestService;
        this.store = store;
        this.originals = originals;
    }

    @Operation(summary = "Upload a document: extract, clean, enrich, find duplicates, index")
    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView.Summary> upload(
            @RequestPart("file") MultipartFile file, @RequestParam(required = false) String sourceUrl)
            throws IOException {
        if (file.isEmpty()) {
            throw new ApiException(ErrorCode.NO_TEXT, "The uploaded file is empty");
        }
        IngestOutcome outcome = ingestService.ingest(file.getBytes(), file.getOriginalFilename(), sourceUrl);
        DocumentView.Summary summary = DocumentView.Summary.of(outcome.document());
        if (!outcome.created()) {
            return ResponseEntity.ok(summary);
        }
        return ResponseEntity.created(URI.create("/api/documents/" + summary.id()))
                .body(summary);
    }

    @Operation(summary = "One document with its text and metadata")
    @GetMapping("/api/documents/{id}")
    DocumentView get(@PathVariable String id) throws IOException {
        PolicyDocument d = find(id);
        return DocumentView.of(d, store.countDuplicatesOf(d.id()));
    }

    @Operation(summary = "The file as it was uploaded")
    @GetMapping("/api/documents/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable String id) throws IOException {
        PolicyDocument d = find(id);
        byte[] bytes = originals
                .read(d.sha256())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "The original of " + id + " is not stored"));
        String name = d.fileName() != null && !d.fileName().isBlank() ? d.fileName() : id;
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(
                        d.contentType() != null
                                ? MediaType.parseMediaType(d.contentType())
                                : MediaType.APPLICATION_OCTET_STREAM)
                .body(bytes);
    }

    private PolicyDocument find(String id) throws IOException {
        if (!id.matches("[0-9a-f]{24}")) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No document " + id.replaceAll("[^0-9A-Za-z]", ""));
        }
        return store.get(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No document " + id));
    }
}
