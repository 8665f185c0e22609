package org.policysearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Search is public and read-only; anything that changes state under {@code /api/}, and the admin views (batch jobs,
 * which show server paths), need the API key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30) // after the rate limit, so key guessing is rate limited too
class ApiKeyFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiKey apiKey;
    private final ObjectMapper mapper;

    ApiKeyFilter(ApiKey apiKey, ObjectMapper mapper) {
        this.apiKey = apiKey;
        this.mapper = mapper;
    }

    /** The one rule for which requests need the key; the OpenAPI document is generated from it too. */
    static boolean requiresKey(String method, String path) {
        if (path.startsWith("/api/batches") || path.startsWith("/api/admin/")) {
            return true;
        }
        return path.startsWith("/api/") && !SAFE_METHODS.contains(method.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !requiresKey(request.getMethod(), RequestPaths.of(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (apiKey.matches(request.getHeader(ApiKey.HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKey.HEADER + "\"");
        mapper.writeValue(
                response.getOutputStream(),
                ProblemDetails.of(ErrorCode.UNAUTHORIZED, "Send the API key in the " + ApiKey.HEADER + " header"));
    }
}
