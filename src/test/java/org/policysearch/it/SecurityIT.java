package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security contract against the running service: search is public and read-only, everything else needs the
 * key (whatever the spelling of the path), every error path answers without exception text, pages and API carry the
 * security headers, and the expensive endpoints answer 429 with Retry-After once a client is over budget.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT extends AbstractServiceIT {

    /** What a leak looks like: exception names, stack frames, package names, server banners. */
    private static final List<String> LEAKS = List.of(
            "Exception", "exception", "at org.", "at java.", "java.", "org.springframework", "Tomcat", "Whitelabel");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path, String key, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(90))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("X-API-Key", key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return CLIENT.send(b.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode problem(HttpResponse<String> r, int status, String code) throws IOException {
        String what = r.request().method() + " " + r.uri() + " -> " + r.statusCode() + " " + r.body();
        assertThat(r.statusCode()).as(what).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        noLeak(what, r.body());
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.path("code").asText()).as(what).isEqualTo(code);
        assertThat(json.path("status").asInt()).as(what).isEqualTo(status);
        return json;
    }

    private static void errorPage(HttpResponse<String> r, int status, String says) {
        String what = r.request().method() + " " + r.uri() + " -> " + r.statusCode();
        assertThat(r.statusCode()).as(what).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
        assertThat(r.body()).as(what).contains(says).contains("lang=\"zh-CN\"");
        noLeak(what, r.body());
    }

    private static void noLeak(String what, String body) {
        for (String leak : LEAKS) {
            assertThat(body).as("%s leaks '%s'", what, leak).doesNotContain(leak);
        }
    }

    @Test
    void searchIsPublicAndReadOnly() throws Exception {
        for (String path :
                List.of("/api/search?q=乡村振兴", "/api/suggest?q=xc", "/api/facets/type", "/", "/search?q=乡村振兴")) {
            String encoded = path.replace("乡村振兴", URLEncoder.encode("乡村振兴", StandardCharsets.UTF_8));
            assertThat(send("GET", encoded, null).statusCode()).as(path).isEqualTo(200);
        }
        // Every write, and the admin views, without the key.
        List<String[]> guarded = List.of(
                new String[] {"POST", "/api/documents"},
                new String[] {"PUT", "/api/documents/0123456789abcdef01234567"},
                new String[] {"DELETE", "/api/documents/0123456789abcdef01234567"},
                new String[] {"POST", "/api/search"},
                new String[] {"DELETE", "/api/search"},
                new String[] {"PATCH", "/api/facets/type"},
                new String[] {"POST", "/api/batches"},
                new String[] {"GET", "/api/batches"},
                new String[] {"GET", "/api/batches/00000000-0000-0000-0000-000000000000"},
                new String[] {"POST", "/api/admin/rebuild"},
                new String[] {"GET", "/api/admin/rebuild/00000000-0000-0000-0000-000000000000"},
                // other spellings of the same routes
                new String[] {"GET", "/api/%62atches"},
                new String[] {"GET", "/api/batches;x=1"},
                new String[] {"GET", "/api/%61dmin/rebuild/1"});
        for (String[] route : guarded) {
            HttpResponse<String> r = send(route[0], route[1], null);
            problem(r, 401, "unauthorized");
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(route[1]).isPresent();
            HttpResponse<String> wrong = send(route[0], route[1], "not-the-key");
            problem(wrong, 401, "unauthorized");
        }
        assertThat(send("GET", "/api/batches", API_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void apiErrorsAreProblemsWithoutExceptionText() throws Exception {
        problem(send("GET", "/api/no-such-route", null), 404, "not_found");
        problem(send("GET", "/api/documents/0123456789abcdef01234567", null), 404, "not_found");
        problem(send("DELETE", "/api/search", API_KEY), 405, "method_not_allowed");
        problem(send("GET", "/api/search?q=x", null, "Accept", "application/xml"), 406, "not_acceptable");
        problem(
                send(HttpRequest.newBuilder(uri("/api/documents"))
                        .header("X-API-Key", API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))),
                415,
                "unsupported_media_type");
        problem(
                send(HttpRequest.newBuilder(uri("/api/batches"))
                        .header("X-API-Key", API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"directory\": [java.lang.Object"))),
                400,
                "invalid_parameter");
        String boundary = "----sec";
        problem(
                send(HttpRequest.newBuilder(uri("/api/documents"))
                        .header("X-API-Key", API_KEY)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString("--" + boundary
                                + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary
                                + "--\r\n"))),
                400,
                "missing_file");
        problem(send("GET", "/api/search?page=abc", null), 400, "invalid_parameter");
        problem(send("GET", "/api/facets/type?size=abc", null), 400, "invalid_parameter");
        problem(send("GET", "/api/suggest?size=abc", null), 400, "invalid_parameter");
        problem(send("GET", "/api/documents/0123456789abcdef01234567/similar?size=x", null), 400, "invalid_parameter");
    }

    @Test
    void limitsAreRefusedWithStableCodesBeforeAnySearch() throws Exception {
        problem(send("GET", "/api/search?q=" + "x".repeat(201), null), 400, "invalid_query");
        String ors = URLEncoder.encode(
                IntStream.range(0, 11).mapToObj(i -> "词" + i).collect(Collectors.joining(" OR ")),
                StandardCharsets.UTF_8);
        problem(send("GET", "/api/search?q=" + ors, null), 400, "invalid_query");
        problem(send("GET", "/api/search?size=101", null), 400, "invalid_parameter");
        problem(send("GET", "/api/search?size=100&page=101", null), 400, "invalid_parameter");
        problem(send("GET", "/api/search?page=2147483647", null), 400, "invalid_parameter");
        problem(send("GET", "/api/search?from=2021-01-01&to=2020-01-01", null), 400, "invalid_parameter");
        problem(send("GET", "/api/search?from=%2B99999-01-01", null), 400, "invalid_parameter");
        problem(send("GET", "/api/search?year=abc", null), 400, "invalid_parameter");
        problem(send("GET", "/api/search?" + "type=x&".repeat(51), null), 400, "invalid_parameter");
        problem(send("GET", "/api/facets/issuingBody?size=201", null), 400, "invalid_parameter");
        problem(send("GET", "/api/facets/year", null), 400, "invalid_parameter");
        problem(send("GET", "/api/suggest?q=" + "x".repeat(51), null), 400, "invalid_query");
        problem(send("GET", "/api/documents/0123456789abcdef01234567/similar?size=51", null), 400, "invalid_parameter");
    }

    @Test
    void requestsTomcatRefusesAreProblemsToo() throws Exception {
        problem(send("GET", "/api/search?q=x", null, "X-Padding", "a".repeat(20_000)), 400, "invalid_request");
        problem(send("GET", "/api/search?q=" + "a".repeat(20_000), null), 400, "invalid_request");
        String many = IntStream.range(0, 1_500).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        problem(send("GET", "/api/search?" + many, null), 400, "invalid_request");
        problem(send("GET", "/api/documents/a%2Fb", null), 400, "invalid_request");
        // Undecodable parameters are refused rather than dropped (which would search without them). Java's URI
        // will not even build this one, so it goes over a plain socket.
        String undecodable = raw("GET /api/search?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(undecodable).startsWith("HTTP/1.1 400").contains("\"invalid_request\"");
        noLeak("undecodable parameter", undecodable);
    }

    @Test
    void anUploadOverTheMultipartLimitIs413BeforeTheBodyIsRead() throws Exception {
        // Declares 200 MB and sends a few bytes: the limit is enforced on the declared length.
        String response = raw("POST /api/documents HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + API_KEY
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 200000000\r\n"
                + "Connection: close\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"big.txt\"\r\n\r\n" + "x".repeat(1000));
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("application/problem+json").contains("\"payload_too_large\"");
        noLeak("oversized upload", response);
    }

    /** Sends bytes as they are (no client-side checks) and returns what the server answers. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readHead(socket.getInputStream());
        }
    }

    /** The status line, headers and as much of the body as arrives before the server closes or 30 s pass. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            int n;
            while (System.nanoTime() < deadline && (n = in.read(chunk)) > 0) {
                buffer.write(chunk, 0, n);
                if (buffer.toString(StandardCharsets.UTF_8).contains("\"code\"")) {
                    break;
                }
            }
        } catch (IOException closed) {
            // the server may reset the connection once it has answered; what arrived is the answer
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pagesShowErrorPagesWithoutExceptionText() throws Exception {
        errorPage(send("GET", "/no-such-page", null, "Accept", "text/html"), 404, "找不到");
        errorPage(send("GET", "/documents/0123456789abcdef01234567", null, "Accept", "text/html"), 404, "找不到");
        errorPage(send("GET", "/search?from=yesterday", null, "Accept", "text/html"), 400, "检索条件无效");
        errorPage(send("GET", "/search?q=" + "x".repeat(201), null, "Accept", "text/html"), 400, "过长");
        errorPage(send("GET", "/facets/year", null, "Accept", "text/html"), 404, "找不到");
        errorPage(send("DELETE", "/search", null, "Accept", "text/html"), 405, "请求无法完成");
    }

    @Test
    void pagesAndApiCarryTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(send("GET", "/", null));
        answers.add(send("GET", "/api/search?q=x", null));
        answers.add(send("GET", "/css/site.css", null));
        answers.add(send("GET", "/api/batches", null)); // a 401 from the key filter
        answers.add(send("GET", "/no-such-page", null, "Accept", "text/html"));
        for (HttpResponse<String> r : answers) {
            String what = r.request().method() + " " + r.uri() + " " + r.statusCode();
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(what)
                    .contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(what).contains("same-origin");
            assertThat(r.headers().firstValue("Permissions-Policy").orElse(""))
                    .as(what)
                    .contains("camera=()");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(what)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
        }
    }

    @Test
    void theOpenApiDocumentTellsWhichEndpointsAreRateLimited() throws Exception {
        JsonNode paths = JSON.readTree(send("GET", "/v3/api-docs", null).body()).path("paths");
        assertThat(paths.at("/~1api~1search/get/responses/429/headers/Retry-After")
                        .isMissingNode())
                .isFalse();
        assertThat(paths.at("/~1api~1documents/post/responses/429").isMissingNode())
                .isFalse();
        assertThat(paths.at("/~1api~1documents~1{id}/get/responses/429").isMissingNode())
                .as("reading one document is cheap and not limited")
                .isTrue();
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it empties buckets the other tests would need
    void overBudgetClientsGet429WithRetryAfter() throws Exception {
        // Starting jobs has the smallest budget (burst 5). Without the key each attempt is a 401 that still
        // costs a token, so key guessing is limited too, and no job is started.
        HttpResponse<String> limited = null;
        int attempts = 0;
        while (limited == null && attempts++ < 100) {
            HttpResponse<String> r = send("POST", "/api/admin/rebuild", null);
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                problem(r, 401, "unauthorized");
            }
        }
        assertThat(limited).as("429 within 100 attempts").isNotNull();
        assertThat(attempts).isGreaterThan(1);
        problem(limited, 429, "rate_limited");
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(limited.headers().firstValue("Content-Security-Policy")).isPresent();
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        problem(send("POST", "/api/admin/rebuild", null), 401, "unauthorized");

        // A page over budget (the upload form, burst 20) is a friendly page with the same header.
        HttpResponse<String> page = null;
        attempts = 0;
        while (page == null && attempts++ < 500) {
            HttpResponse<String> r = send("POST", "/upload", null, "Accept", "text/html");
            if (r.statusCode() == 429) {
                page = r;
            }
        }
        assertThat(page).as("429 within 500 attempts").isNotNull();
        errorPage(page, 429, "请求过于频繁");
        long pageRetry = Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow());
        assertThat(page.body()).contains("请 " + pageRetry + " 秒后再试");
        // Leave the shared service with full buckets (burst 20 at 10/s) for the tests that follow.
        Thread.sleep(Duration.ofSeconds(3).toMillis());
    }
}
