package org.policysearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointClassTest {

    @Test
    void expensiveEndpointsHaveAClass() {
        assertThat(EndpointClass.of("GET", "/api/search")).contains(EndpointClass.SEARCH);
        assertThat(EndpointClass.of("GET", "/")).contains(EndpointClass.SEARCH);
        assertThat(EndpointClass.of("GET", "/search")).contains(EndpointClass.SEARCH);
        assertThat(EndpointClass.of("HEAD", "/search")).contains(EndpointClass.SEARCH);
        assertThat(EndpointClass.of("GET", "/api/suggest")).contains(EndpointClass.SUGGEST);
        assertThat(EndpointClass.of("GET", "/api/documents/0123456789abcdef01234567/similar"))
                .contains(EndpointClass.SIMILAR);
        assertThat(EndpointClass.of("GET", "/documents/0123456789abcdef01234567"))
                .contains(EndpointClass.SIMILAR);
        assertThat(EndpointClass.of("GET", "/api/facets/issuingBody")).contains(EndpointClass.FACETS);
        assertThat(EndpointClass.of("GET", "/facets/region")).contains(EndpointClass.FACETS);
        assertThat(EndpointClass.of("POST", "/api/documents")).contains(EndpointClass.UPLOAD);
        assertThat(EndpointClass.of("POST", "/upload")).contains(EndpointClass.UPLOAD);
        assertThat(EndpointClass.of("POST", "/api/batches")).contains(EndpointClass.JOBS);
        assertThat(EndpointClass.of("POST", "/api/admin/rebuild")).contains(EndpointClass.JOBS);
    }

    @Test
    void cheapRequestsAreNotLimited() {
        for (String path : new String[] {
            "/api/documents/0123456789abcdef01234567",
            "/api/documents/0123456789abcdef01234567/original",
            "/api/batches/1",
            "/api/admin/rebuild/1",
            "/actuator/health",
            "/css/site.css",
            "/js/search.js",
            "/upload",
            "/v3/api-docs"
        }) {
            assertThat(EndpointClass.of("GET", path)).as(path).isEqualTo(Optional.empty());
        }
        assertThat(EndpointClass.of("POST", "/api/search")).isEmpty();
    }
}
