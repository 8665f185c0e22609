package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The HTML fixtures of {@code fixtures/manifest.yml} (format in its header): the extractor keeps every
 * {@code mustInclude} string (full content recall), leaves none of the {@code mustExclude} strings of stage
 * {@code extract} (zero residue) and finds the expected title.
 */
class HtmlFixturesTest {

    private static final String ROOT = "/fixtures/";

    static Stream<Map<String, Object>> htmlFixtures() throws IOException {
        try (InputStream in = HtmlFixturesTest.class.getResourceAsStream(ROOT + "manifest.yml")) {
            Map<String, List<Map<String, Object>>> manifest = new Yaml().load(in);
            return manifest.get("fixtures").stream().filter(f -> "html".equals(f.get("format"))).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("htmlFixtures")
    void keepsTheArticleAndDropsTheChrome(Map<String, Object> fixture) throws IOException {
        String html;
        try (InputStream in = HtmlFixturesTest.class.getResourceAsStream(ROOT + fixture.get("file"))) {
            assertThat(in).as("fixture file %s", fixture.get("file")).isNotNull();
            html = new String(in.readAllBytes(), Charset.forName((String) fixture.get("encoding")));
        }
        HtmlPage page = HtmlMainContent.withDefaultRules().extract(html, "");
        String text = bare(page.text());

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(page.title()).as("title").isEqualTo(fixture.getOrDefault("extractTitle", fixture.get("title")));
        for (Object include : (List<?>) fixture.get("mustInclude")) {
            soft.assertThat(text)
                    .as("kept: %s%n in text:%n%s", include, page.text())
                    .contains(bare((String) include));
        }
        for (String exclude : extractStageExcludes(fixture)) {
            soft.assertThat(text)
                    .as("residue: %s%n in text:%n%s", exclude, page.text())
                    .doesNotContain(bare(exclude));
        }
        soft.assertAll();
    }

    private static List<String> extractStageExcludes(Map<String, Object> fixture) {
        List<String> excludes = new ArrayList<>();
        for (Object item : (List<?>) fixture.get("mustExclude")) {
            if (item instanceof String s) {
                excludes.add(s);
            } else if (item instanceof Map<?, ?> m && !"clean".equals(m.get("stage"))) {
                excludes.add((String) m.get("text"));
            }
        }
        return excludes;
    }

    private static String bare(String s) {
        return s.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }
}
