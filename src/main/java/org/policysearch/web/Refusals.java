package org.policysearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** How the filters refuse a request: a problem detail, or for a browser on a page the error page. */
final class Refusals {

    private Refusals() {}

    static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            ObjectMapper mapper,
            ErrorCode code,
            String detail)
            throws IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean browser = !RequestPaths.of(request).startsWith("/api/")
                && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (browser) {
            // The container's error dispatch renders templates/error.html.
            response.sendError(code.status().value());
            return;
        }
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), ProblemDetails.of(code, detail));
    }
}
