package org.policysearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.policysearch.PolicySearchProperties;
import org.policysearch.web.RateLimitProperties.Budget;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    // Spring's builder, as the service's mapper: it writes ProblemDetail's properties (the code) at the top level.
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    private static final ApiKey KEY = new ApiKey(
            new MockEnvironment().withProperty("API_KEY", "test-key"),
            new PolicySearchProperties(Path.of("target/rate-limit-test")));

    private final ManualClock clock = new ManualClock();

    private RateLimitFilter filter(boolean trustForwardedFor) {
        // search and suggest: 1 per second, burst 2
        RateLimitProperties properties = new RateLimitProperties(
                true, trustForwardedFor, 100, 10, new Budget(1, 2), new Budget(1, 2), null, null, null, null);
        return new RateLimitFilter(properties, KEY, JSON, clock);
    }

    private static MockHttpServletRequest get(String path, String address) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", path);
        r.setServletPath(path);
        r.setRemoteAddr(address);
        return r;
    }

    private static MockHttpServletResponse run(RateLimitFilter filter, MockHttpServletRequest request)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void apiOverBudgetGetsARateLimitedProblemWithRetryAfter() throws Exception {
        RateLimitFilter filter = filter(false);
        assertThat(run(filter, get("/api/search", "10.0.0.1")).getStatus()).isEqualTo(200);
        assertThat(run(filter, get("/api/search", "10.0.0.1")).getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = run(filter, get("/api/search", "10.0.0.1"));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode body = JSON.readTree(refused.getContentAsString());
        assertThat(body.path("code").asText()).isEqualTo("rate_limited");
        assertThat(body.path("status").asInt()).isEqualTo(429);

        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(run(filter, get("/api/search", "10.0.0.1")).getStatus()).isEqualTo(200);
    }

    @Test
    void pagesOverBudgetGoToTheErrorPageWithRetryAfter() throws Exception {
        RateLimitFilter filter = filter(false);
        run(filter, get("/search", "10.0.0.1"));
        run(filter, get("/search", "10.0.0.1"));
        MockHttpServletRequest request = get("/search", "10.0.0.1");
        request.addHeader("Accept", "text/html,application/xhtml+xml");
        MockHttpServletResponse refused = run(filter, request);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getErrorMessage()).isNull();
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(request.getAttribute(RateLimitFilter.RETRY_AFTER_ATTRIBUTE)).isEqualTo(1L);
        // A script or curl asking for the page without wanting HTML gets the problem detail.
        MockHttpServletResponse script = run(filter, get("/search", "10.0.0.1"));
        assertThat(script.getStatus()).isEqualTo(429);
        assertThat(script.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void forwardedForIsIgnoredUnlessTrusted() throws Exception {
        RateLimitFilter filter = filter(false);
        for (int i = 0; i < 2; i++) {
            MockHttpServletRequest r = get("/api/suggest", "10.0.0.1");
            r.addHeader("X-Forwarded-For", "192.0.2." + i);
            assertThat(run(filter, r).getStatus()).isEqualTo(200);
        }
        MockHttpServletRequest spoofed = get("/api/suggest", "10.0.0.1");
        spoofed.addHeader("X-Forwarded-For", "192.0.2.99");
        assertThat(run(filter, spoofed).getStatus())
                .as("a made-up X-Forwarded-For does not buy a new bucket")
                .isEqualTo(429);
    }

    @Test
    void trustedForwardedForTakesTheLastHop() throws Exception {
        RateLimitFilter filter = filter(true);
        MockHttpServletRequest r = get("/api/suggest", "127.0.0.1");
        r.addHeader("X-Forwarded-For", "198.51.100.7, 203.0.113.5");
        assertThat(filter.client(r)).isEqualTo("203.0.113.5");
        MockHttpServletRequest overlong = get("/api/suggest", "127.0.0.1");
        overlong.addHeader("X-Forwarded-For", "x".repeat(500));
        assertThat(filter.client(overlong)).isEqualTo("127.0.0.1");
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest fromProxy = get("/api/suggest", "127.0.0.1");
            fromProxy.addHeader("X-Forwarded-For", "203.0.113." + i);
            assertThat(run(filter, fromProxy).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aValidKeyGetsTheHigherBudgetAndAWrongOneDoesNot() throws Exception {
        RateLimitFilter filter = filter(false);
        for (int i = 0; i < 20; i++) {
            MockHttpServletRequest r = get("/api/search", "10.0.0.1");
            r.addHeader(ApiKey.HEADER, "test-key");
            assertThat(run(filter, r).getStatus()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            MockHttpServletRequest r = get("/api/search", "10.0.0.1");
            r.addHeader(ApiKey.HEADER, "guess-" + i);
            assertThat(run(filter, r).getStatus()).isEqualTo(200);
        }
        MockHttpServletRequest r = get("/api/search", "10.0.0.1");
        r.addHeader(ApiKey.HEADER, "guess-3");
        assertThat(run(filter, r).getStatus()).isEqualTo(429);
    }

    @Test
    void cheapRequestsAndADisabledLimiterPassThrough() throws Exception {
        RateLimitFilter filter = filter(false);
        for (int i = 0; i < 50; i++) {
            assertThat(run(filter, get("/api/documents/0123456789abcdef01234567", "10.0.0.1"))
                            .getStatus())
                    .isEqualTo(200);
        }
        RateLimitFilter off = new RateLimitFilter(
                new RateLimitProperties(false, false, 100, 10, new Budget(1, 1), null, null, null, null, null),
                KEY,
                JSON,
                clock);
        for (int i = 0; i < 50; i++) {
            assertThat(run(off, get("/api/search", "10.0.0.1")).getStatus()).isEqualTo(200);
        }
    }
}
