package org.policysearch.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). The API-key requirement is
 * attached by the rule {@link ApiKeyFilter} enforces ({@link ApiKeyFilter#requiresKey}), so the document cannot drift
 * from the filter as endpoints are added; likewise the 429 answer of the rate-limited ones ({@link EndpointClass}).
 */
@Configuration
class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";

    @Bean
    OpenAPI policySearchOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Policy search API")
                        .version("1")
                        .description("Full-text search over Chinese policy documents (speeches, government reports,"
                                + " notices, laws): keyword search with facets, suggestions (Chinese or pinyin),"
                                + " similar documents, and document ingest. Reads are public; writes need the API"
                                + " key in the " + ApiKey.HEADER + " header. Errors are RFC 9457 problem details"
                                + " with a stable `code`."))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKey.HEADER)
                                        .description("The service's API key (API_KEY, or generated into the data"
                                                + " directory at first start)")));
    }

    @Bean
    OpenApiCustomizer apiKeyWhereRequired() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> {
                    if (ApiKeyFilter.requiresKey(method.name(), path)) {
                        operation.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
                    }
                });
            }
        });
    }

    @Bean
    OpenApiCustomizer rateLimitedWhereLimited() {
        return api -> api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (EndpointClass.of(method.name(), path).isPresent()) {
                        operation
                                .getResponses()
                                .addApiResponse(
                                        "429",
                                        new ApiResponse()
                                                .description("Over this client's rate limit (rate_limited); retry"
                                                        + " after the seconds in Retry-After")
                                                .addHeaderObject(
                                                        "Retry-After", new Header().schema(new IntegerSchema()))
                                                .content(new Content()
                                                        .addMediaType("application/problem+json", new MediaType())));
                    }
                }));
    }
}
