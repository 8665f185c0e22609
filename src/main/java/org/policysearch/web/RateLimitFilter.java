package org.policysearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the expensive endpoints ({@link EndpointClass}), per client address. Runs before the API key check
 * and before an upload's body is read, so neither key guessing nor oversized uploads get past it. Over budget, the
 * answer is a {@code rate_limited} problem detail, or for a browser on a page the error page, both 429 with
 * {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

    /** Request attribute the error page reads to tell how long to wait. */
    static final String RETRY_AFTER_ATTRIBUTE = "retryAfter";

    private static final int MAX_ADDRESS_CHARS = 45; // the longest textual IPv6 address

    private final RateLimitProperties properties;
    private final ClientBuckets buckets;
    private final ApiKey apiKey;
    private final ObjectMapper mapper;

    @Autowired
    RateLimitFilter(RateLimitProperties properties, ApiKey apiKey, ObjectMapper mapper) {
        this(properties, apiKey, mapper, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimitFilter(RateLimitProperties properties, ApiKey apiKey, ObjectMapper mapper, TimeMeter clock) {
        this.properties = properties;
        this.buckets = new ClientBuckets(properties, clock);
        this.apiKey = apiKey;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.of(request);
        Optional<EndpointClass> endpoint = EndpointClass.of(request.getMethod().toUpperCase(Locale.ROOT), path);
        if (endpoint.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        boolean keyed = apiKey.matches(request.getHeader(ApiKey.HEADER));
        ClientBuckets.Decision decision = buckets.take(client(request), endpoint.get(), keyed);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        String seconds = String.valueOf(decision.retryAfterSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
        request.setAttribute(RETRY_AFTER_ATTRIBUTE, decision.retryAfterSeconds()); // for the error page
        Refusals.refuse(
                request,
                response,
                mapper,
                ErrorCode.RATE_LIMITED,
                "Too many requests; retry after " + seconds + " seconds");
    }

    /** The connection's address, or the last X-Forwarded-For hop when configured to trust a proxy in front. */
    String client(HttpServletRequest request) {
        if (properties.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null) {
                String last =
                        forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty() && last.length() <= MAX_ADDRESS_CHARS) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
