package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document describes every API endpoint the service actually serves. */
class OpenApiIT extends AbstractServiceIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode apiDocs() {
        var response = rest.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    @Test
    void everyServedApiEndpointIsDocumented() {
        JsonNode paths = apiDocs().get("paths");
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/"))
                        .forEach(served::add));
        assertThat(served)
                .contains("/api/search", "/api/suggest", "/api/facets/{facet}", "/api/documents/{id}/similar");
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsAll(served);
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation = paths.get(path).get(method.name().toLowerCase());
                    assertThat(operation).as(method + " " + path).isNotNull();
                    assertThat(operation.path("summary").asText())
                            .as(method + " " + path + " summary")
                            .isNotBlank();
                    // Writes and the admin views (batch jobs) need the key; public reads must not claim to.
                    boolean needsKey = !Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS)
                                    .contains(method)
                            || path.startsWith("/api/batches")
                            || path.startsWith("/api/admin/");
                    assertThat(operation.path("security").toString().contains("apiKey"))
                            .as(method + " " + path + " requires the API key")
                            .isEqualTo(needsKey);
                }
            }
        }
    }

    @Test
    void searchParametersAndProblemResponsesAreDescribed() {
        JsonNode docs = apiDocs();
        JsonNode search = docs.get("paths").get("/api/search").get("get");
        List<String> names = new ArrayList<>();
        search.get("parameters").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names)
                .contains("q", "page", "size", "sort", "year", "type", "region", "topic", "issuingBody")
                .doesNotContain("params");
        assertThat(search.get("responses").get("400").get("content").has("application/problem+json"))
                .isTrue();
        JsonNode facets = docs.get("paths").get("/api/facets/{facet}").get("get");
        List<String> facetParams = new ArrayList<>();
        facets.get("parameters").forEach(p -> facetParams.add(p.get("name").asText()));
        assertThat(facetParams).contains("facet", "prefix", "size", "q").doesNotContain("params");
        JsonNode scheme = docs.get("components").get("securitySchemes").get("apiKey");
        assertThat(scheme.get("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asText()).isEqualTo("header");
        assertThat(scheme.get("name").asText()).isEqualTo("X-API-Key");
        assertThat(docs.get("info").get("title").asText()).isNotBlank();
        for (String path :
                List.of("/api/search", "/api/suggest", "/api/facets/{facet}", "/api/documents/{id}/similar")) {
            assertThat(docs.get("paths").get(path).get("get").path("summary").asText())
                    .as(path)
                    .isNotBlank();
        }
    }

    @Test
    void swaggerUiIsServed() {
        var response = rest.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("Swagger UI");
    }
}
