package org.policysearch.web;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details carrying a stable {@code code} extension. */
public final class ProblemDetails {

    private ProblemDetails() {}

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create("urn:policy-search:problem:" + code.code()));
        problem.setTitle(code.title());
        problem.setProperty("code", code.code());
        return problem;
    }
}
