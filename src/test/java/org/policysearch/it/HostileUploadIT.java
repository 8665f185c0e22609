package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policysearch.extract.ExtractionProperties;
import org.policysearch.extract.HostileFiles;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Files built to hurt, uploaded through the API: each is answered quickly with its 4xx and an RFC 9457 body carrying
 * a stable code and no exception text; the service stays healthy and takes a good document afterwards.
 */
class HostileUploadIT extends AbstractServiceIT {

    private static final Duration PER_FILE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private record Expected(String name, byte[] bytes, int status, String code) {}

    @Test
    void everyHostileUploadIsRefusedWithAProblemAndTheServiceStaysUp() throws Exception {
        Http http = new Http(port, API_KEY);
        long limit = ExtractionProperties.defaults().maxBytes().toBytes();
        Map<String, Expected> cases = new LinkedHashMap<>();
        for (Expected e : new Expected[] {
            new Expected("bomb.docx", HostileFiles.zipBombDocx(1024), 413, "payload_too_large"),
            new Expected("xxe.docx", HostileFiles.xxeDocx(), 422, "corrupt"),
            new Expected("secret.pdf", HostileFiles.encryptedPdf(), 422, "encrypted"),
            new Expected("secret.docx", HostileFiles.encryptedDocx(), 422, "encrypted"),
            new Expected("cut.pdf", HostileFiles.truncatedPdf(), 422, "corrupt"),
            new Expected("report.pdf", HostileFiles.randomBytes(64 * 1024, 7), 415, "unsupported_media_type"),
            new Expected("scan.pdf", HostileFiles.png(), 415, "unsupported_media_type"),
            new Expected("setup.doc", HostileFiles.executable(), 415, "unsupported_media_type"),
            new Expected("empty.txt", new byte[0], 422, "no_text"),
            // one byte over the extraction limit (the multipart limit sits above it)
            new Expected("huge.txt", new byte[(int) limit + 1], 413, "payload_too_large")
        }) {
            cases.put(e.name(), e);
        }
        StringBuilder report = new StringBuilder();
        for (Expected e : cases.values()) {
            long start = System.nanoTime();
            Http.Answer a = http.upload(e.bytes(), e.name());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            report.append(String.format("  %-12s %d %s in %d ms%n", e.name(), a.status(), a.body(), took.toMillis()));
            assertThat(took).as(e.name()).isLessThan(PER_FILE);
            assertThat(a.status()).as(e.name() + " " + a.body()).isEqualTo(e.status());
            assertThat(a.contentType()).as(e.name()).startsWith("application/problem+json");
            JsonNode problem = a.json();
            assertThat(problem.path("code").asText()).as(e.name()).isEqualTo(e.code());
            assertThat(problem.path("status").asInt()).as(e.name()).isEqualTo(e.status());
            assertThat(problem.path("title").asText()).as(e.name()).isNotBlank();
            assertThat(a.body()).as(e.name()).doesNotContain("Exception", "at org.", "root:");
        }
        System.out.print("Hostile uploads:\n" + report);

        // XXE in XHTML parses (the entity is simply not expanded): accepted, and nothing of /etc/passwd leaks.
        Http.Answer xhtml = http.upload(HostileFiles.xxeXhtml(), "page.xhtml");
        assertThat(xhtml.status()).as(xhtml.body()).isIn(200, 201);
        Http.Answer stored =
                http.get("/api/documents/" + xhtml.json().path("id").asText());
        assertThat(stored.json().path("text").asText()).contains("各级党组织要认真贯彻落实").doesNotContain("root:");

        assertThat(new Http(port, null).upload(HostileFiles.png(), "x.png").status())
                .as("no API key")
                .isEqualTo(401);
        assertThat(http.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
        Http.Answer good = http.upload(RebuildIT.fixture("files/speech.docx"), "speech.docx");
        assertThat(good.status()).as(good.body()).isIn(200, 201);
        assertThat(good.json().path("title").asText()).isEqualTo("在全县党员冬训工作动员会上的讲话");
    }
}
