package org.policysearch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;

/** Every error path answers a problem detail with a stable code, and none carries the cause's text. */
class ApiExceptionHandlerTest {

    /** What a leak looks like: exception names, stack frames, package names, the cause's own words. */
    static final List<String> LEAKS =
            List.of("Exception", "exception", "at org.", "at java.", "java.", "org.spring", "SECRET", "127.0.0.1");

    private static final ObjectMapper JSON = new ObjectMapper();

    @RestController
    static class Failing {
        @GetMapping("/api/t/engine-down")
        String engineDown() throws IOException {
            throw new ConnectException("Connection refused SECRET 127.0.0.1:9200");
        }

        @GetMapping("/api/t/engine-rejects")
        String engineRejects() {
            throw new ElasticsearchException(
                    "search",
                    ErrorResponse.of(e -> e.status(400)
                            .error(c -> c.type("query_shard_exception").reason("SECRET failed to create query"))));
        }

        @GetMapping("/api/t/bug")
        String bug() {
            throw new IllegalStateException("SECRET at org.policysearch.Foo.bar(Foo.java:1)");
        }

        @GetMapping(path = "/api/t/number", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Integer> number(@RequestParam int n) {
            return Map.of("n", n);
        }

        @PostMapping(path = "/api/t/json", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> json(@RequestBody Map<String, Object> body) {
            return body;
        }

        @PostMapping(path = "/api/t/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        String upload(@RequestPart("file") MultipartFile file) {
            return file.getName();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiExceptionHandler())
            .build();

    private JsonNode problem(RequestBuilder request, int status, String code) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        for (String leak : LEAKS) {
            assertThat(body).as("leaks '%s'", leak).doesNotContain(leak);
        }
        JsonNode json = JSON.readTree(body);
        assertThat(json.path("code").asText()).isEqualTo(code);
        assertThat(json.path("status").asInt()).isEqualTo(status);
        return json;
    }

    @Test
    void engineDownIs503WithoutTheCause() throws Exception {
        problem(get("/api/t/engine-down"), 503, "search_unavailable");
    }

    @Test
    void engineRejectionIs400WithoutTheReason() throws Exception {
        problem(get("/api/t/engine-rejects"), 400, "invalid_query");
    }

    @Test
    void unexpectedErrorIs500WithoutTheMessage() throws Exception {
        problem(get("/api/t/bug"), 500, "internal_error");
    }

    @Test
    void typeMismatchAndMissingParameterAre400() throws Exception {
        JsonNode mismatch = problem(get("/api/t/number?n=abc"), 400, "invalid_parameter");
        assertThat(mismatch.path("detail").asText()).isEqualTo("Invalid value for parameter 'n'");
        problem(get("/api/t/number"), 400, "invalid_parameter");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        JsonNode body = problem(
                post("/api/t/json").contentType(MediaType.APPLICATION_JSON).content("{\"a\": [1, java.lang"),
                400,
                "invalid_parameter");
        assertThat(body.path("detail").asText()).isEqualTo("The request body could not be read");
    }

    @Test
    void wrongMethodContentTypeAndAcceptHaveTheirCodes() throws Exception {
        problem(post("/api/t/number"), 405, "method_not_allowed");
        problem(post("/api/t/json").contentType(MediaType.TEXT_PLAIN).content("x"), 415, "unsupported_media_type");
        problem(get("/api/t/number?n=1").accept(MediaType.APPLICATION_XML), 406, "not_acceptable");
    }

    @Test
    void missingMultipartPartIs400() throws Exception {
        problem(multipart("/api/t/upload").param("other", "x"), 400, "missing_file");
    }

    @Test
    void springsOwnRefusalsWithReadOnlyHeadersStillGetAProblem() {
        // NoResourceFoundException (an unknown route) reaches the handler with HttpHeaders.EMPTY, which is read-only.
        var answer = new ApiExceptionHandler()
                .handleExceptionInternal(
                        new IllegalStateException("SECRET"),
                        null,
                        HttpHeaders.EMPTY,
                        HttpStatus.NOT_FOUND,
                        new ServletWebRequest(new MockHttpServletRequest("GET", "/api/no-such-route")));
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "not_found");
    }
}
