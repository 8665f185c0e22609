package org.policysearch.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client rate limits on the expensive endpoints (why in the service: {@code docs/adr/0009}). Each endpoint class
 * has its own token bucket per client address; a request over budget is answered 429 with {@code Retry-After}. The
 * defaults are far above what a person clicking and typing sends.
 *
 * @param enabled false turns rate limiting off (when a proxy in front already does it)
 * @param trustForwardedFor take the client address from the last {@code X-Forwarded-For} entry instead of the
 *     connection; only behind a reverse proxy that appends it, or any client could choose its own address
 * @param maxClients how many client addresses keep their buckets; beyond this the least recently seen is forgotten,
 *     so a flood of addresses cannot exhaust memory
 * @param keyMultiplier requests carrying a valid {@code X-API-Key} get this many times every budget
 * @param search {@code GET /api/search} and the search page ({@code /}, {@code /search}); default 20/s, burst 40
 * @param suggest {@code GET /api/suggest}; default 20/s, burst 40
 * @param similar {@code GET /api/documents/{id}/similar} and the document page; default 10/s, burst 20
 * @param facets {@code GET /api/facets/{facet}} and the facet page; default 10/s, burst 20
 * @param upload {@code POST /api/documents} and the upload form; default 10/s, burst 20
 * @param jobs starting a batch or a rebuild; default 1/s, burst 5
 */
@Validated
@ConfigurationProperties("policy.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean trustForwardedFor,
        @Min(100) @DefaultValue("10000") int maxClients,
        @Min(1) @Max(1000) @DefaultValue("10") int keyMultiplier,
        @Valid Budget search,
        @Valid Budget suggest,
        @Valid Budget similar,
        @Valid Budget facets,
        @Valid Budget upload,
        @Valid Budget jobs) {

    /**
     * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Set both keys when overriding.
     */
    public record Budget(@Min(1) long perSecond, @Min(1) long burst) {}

    public RateLimitProperties {
        search = search != null ? search : new Budget(20, 40);
        suggest = suggest != null ? suggest : new Budget(20, 40);
        similar = similar != null ? similar : new Budget(10, 20);
        facets = facets != null ? facets : new Budget(10, 20);
        upload = upload != null ? upload : new Budget(10, 20);
        jobs = jobs != null ? jobs : new Budget(1, 5);
    }

    Budget budget(EndpointClass endpoint) {
        return switch (endpoint) {
            case SEARCH -> search;
            case SUGGEST -> suggest;
            case SIMILAR -> similar;
            case FACETS -> facets;
            case UPLOAD -> upload;
            case JOBS -> jobs;
        };
    }
}
