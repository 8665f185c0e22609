package org.policysearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Globals;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat drops the parameters past {@code server.tomcat.max-parameter-count}, and any it cannot decode, and carries
 * on; a search would then run with filters silently missing. Such a request is refused instead ({@code
 * invalid_request}). Multipart bodies are left to Spring's multipart handling, which answers 413 when too large.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class ParameterLimitFilter extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    ParameterLimitFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getParameterMap();
        if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null) {
            Refusals.refuse(
                    request, response, mapper, ErrorCode.INVALID_REQUEST, ProblemReportValve.INVALID_REQUEST_DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }
}
