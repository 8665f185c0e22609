package org.policysearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeHtmlTest {

    @Test
    void highlightKeepsOnlyEmMarks() {
        String api = "推进<em>乡村振兴</em>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 发展";
        assertThat(SafeHtml.highlight(api)).isEqualTo("推进<em>乡村振兴</em>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 发展");
    }

    @Test
    void rawMarkupInAHighlightIsEscaped() {
        assertThat(SafeHtml.highlight("<img src=x onerror=alert(2)><em>a</em>"))
                .isEqualTo("&lt;img src=x onerror=alert(2)&gt;<em>a</em>");
    }

    @Test
    void unbalancedMarksAreClosed() {
        assertThat(SafeHtml.highlight("<em>a</em></em>b<em>c")).isEqualTo("<em>a</em>b<em>c</em>");
    }

    @Test
    void marksTraditionalTextForSimplifiedQueryAndTheReverse() {
        assertThat(SafeHtml.mark("全面推進鄉村振興戰略", List.of("乡村振兴"))).isEqualTo("全面推進<mark>鄉村振興</mark>戰略");
        assertThat(SafeHtml.mark("全面推进乡村振兴", List.of("鄉村"))).isEqualTo("全面推进<mark>乡村</mark>振兴");
    }

    @Test
    void markEscapesTextAndPrefersLongerTerms() {
        assertThat(SafeHtml.mark("<b>乡村振兴</b> 乡村", List.of("乡村", "乡村振兴")))
                .isEqualTo("&lt;b&gt;<mark>乡村振兴</mark>&lt;/b&gt; <mark>乡村</mark>");
    }

    @Test
    void noTermsIsEscapedText() {
        assertThat(SafeHtml.mark("a<img src=x onerror=alert(2)>", List.of()))
                .isEqualTo("a&lt;img src=x onerror=alert(2)&gt;");
    }
}
