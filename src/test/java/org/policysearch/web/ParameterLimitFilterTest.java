package org.policysearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Globals;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ParameterLimitFilterTest {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    private final ParameterLimitFilter filter = new ParameterLimitFilter(JSON);

    private static MockHttpServletRequest request(String path, boolean parseFailed) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", path);
        r.setServletPath(path);
        if (parseFailed) {
            // what Tomcat reports after dropping parameters past max-parameter-count
            r.setAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR, Boolean.TRUE);
        }
        return r;
    }

    @Test
    void droppedParametersAreRefusedNotIgnored() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("/api/search", true), response, chain);
        assertThat(chain.getRequest()).as("never reaches the search").isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(response.getContentAsString()).path("code").asText())
                .isEqualTo("invalid_request");
    }

    @Test
    void browsersOnPagesGetTheErrorPage() throws Exception {
        MockHttpServletRequest page = request("/search", true);
        page.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(page, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).isEmpty(); // the container's error page follows
    }

    @Test
    void wellFormedRequestsAndMultipartPassThrough() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("/api/search", false), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        MockHttpServletRequest upload = request("/api/documents", true);
        upload.setMethod("POST");
        upload.setContentType("multipart/form-data; boundary=x");
        MockFilterChain uploadChain = new MockFilterChain();
        filter.doFilter(upload, new MockHttpServletResponse(), uploadChain);
        assertThat(uploadChain.getRequest())
                .as("left to Spring's multipart handling")
                .isNotNull();
    }
}
