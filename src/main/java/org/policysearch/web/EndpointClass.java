package org.policysearch.web;

import java.util.Optional;
import java.util.regex.Pattern;

/** The expensive endpoints, grouped by what they cost; each group has its own rate-limit budget. */
enum EndpointClass {
    SEARCH,
    SUGGEST,
    SIMILAR,
    FACETS,
    UPLOAD,
    JOBS;

    private static final Pattern SIMILAR_API = Pattern.compile("/api/documents/[^/]+/similar");
    private static final Pattern DOCUMENT_PAGE = Pattern.compile("/documents/[^/]+");

    /** The class of a request, or empty when it is cheap (reading a document, assets, health, job status). */
    static Optional<EndpointClass> of(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (read) {
            if (path.equals("/api/search") || path.equals("/") || path.equals("/search")) {
                return Optional.of(SEARCH);
            }
            if (path.equals("/api/suggest")) {
                return Optional.of(SUGGEST);
            }
            // The document page runs a more-like-this query too.
            if (SIMILAR_API.matcher(path).matches()
                    || DOCUMENT_PAGE.matcher(path).matches()) {
                return Optional.of(SIMILAR);
            }
            if (path.startsWith("/api/facets/") || path.startsWith("/facets/")) {
                return Optional.of(FACETS);
            }
            return Optional.empty();
        }
        if (method.equals("POST")) {
            if (path.equals("/api/documents") || path.equals("/upload")) {
                return Optional.of(UPLOAD);
            }
            if (path.equals("/api/batches") || path.equals("/api/admin/rebuild")) {
                return Optional.of(JOBS);
            }
        }
        return Optional.empty();
    }
}
