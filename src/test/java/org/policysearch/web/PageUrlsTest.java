package org.policysearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class PageUrlsTest {

    private static PageUrls urls(String... pairs) {
        MultiValueMap<String, String> m = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.add(pairs[i], pairs[i + 1]);
        }
        return PageUrls.of(m, List.of("type", "year"));
    }

    @Test
    void toggleAddsAndRemovesAValueAndGoesBackToPageOne() {
        PageUrls u = urls("q", "乡村振兴", "type", "讲话", "page", "3", "junk", "x");
        assertThat(u.toggle("year", "2020"))
                .isEqualTo("/search?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4&type=%E8%AE%B2%E8%AF%9D&year=2020");
        assertThat(u.toggle("type", "讲话")).isEqualTo("/search?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4");
    }

    @Test
    void valuesAreEncodedNotInterpreted() {
        PageUrls u = urls("q", "a&b=c#d {x}");
        assertThat(u.page(2)).isEqualTo("/search?q=a%26b%3Dc%23d%20%7Bx%7D&page=2");
        assertThat(u.page(1)).isEqualTo("/search?q=a%26b%3Dc%23d%20%7Bx%7D");
    }

    @Test
    void withReplacesOrRemovesAScalar() {
        PageUrls u = urls("q", "x", "sort", "date");
        assertThat(u.with("sort", "-date")).isEqualTo("/search?q=x&sort=-date");
        assertThat(u.with("sort", null)).isEqualTo("/search?q=x");
        assertThat(u.query()).isEqualTo("?q=x&sort=date");
    }
}
