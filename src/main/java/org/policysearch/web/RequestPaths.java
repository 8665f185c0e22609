package org.policysearch.web;

import jakarta.servlet.http.HttpServletRequest;

/** The path a request is routed by, for the filters that decide on paths. */
final class RequestPaths {

    private RequestPaths() {}

    /**
     * The decoded and normalised path ({@code /api/%62atches}, {@code /api/batches;x=1} and {@code /x/../api/batches}
     * all give {@code /api/batches}), as the controllers are matched against it; the raw request URI would let such
     * spellings slip past a prefix check.
     */
    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
