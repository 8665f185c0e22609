package org.policysearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class UploadPageControllerTest {

    private static MockHttpServletRequest request() {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/upload");
        r.setScheme("http");
        r.setServerName("localhost");
        r.setServerPort(8080);
        return r;
    }

    @Test
    void formFromThisSiteIsAccepted() {
        MockHttpServletRequest r = request();
        r.addHeader("Origin", "http://localhost:8080");
        assertThat(UploadPageController.sameOrigin(r)).isTrue();
        MockHttpServletRequest byReferer = request();
        byReferer.addHeader("Referer", "http://localhost:8080/upload");
        assertThat(UploadPageController.sameOrigin(byReferer)).isTrue();
    }

    @Test
    void formFromAnotherSiteOrWithoutOriginIsRefused() {
        MockHttpServletRequest other = request();
        other.addHeader("Origin", "http://evil.example:8080");
        assertThat(UploadPageController.sameOrigin(other)).isFalse();
        MockHttpServletRequest otherPort = request();
        otherPort.addHeader("Referer", "http://localhost:9999/upload");
        assertThat(UploadPageController.sameOrigin(otherPort)).isFalse();
        assertThat(UploadPageController.sameOrigin(request())).isFalse();
    }

    @Test
    void refusalReasonsAreChinese() {
        assertThat(UploadMessages.refusal("encrypted", "The PDF is encrypted"))
                .isEqualTo("文件已加密（The PDF is encrypted）");
        assertThat(UploadMessages.refusal("other", "x")).isEqualTo("x");
    }

    @Test
    void onlyWebLinksBecomeClickable() {
        assertThat(DocumentPageController.safeUrl("https://www.gov.cn/a.html")).isEqualTo("https://www.gov.cn/a.html");
        assertThat(DocumentPageController.safeUrl("javascript:alert(1)")).isNull();
        assertThat(DocumentPageController.safeUrl(" data:text/html,x")).isNull();
    }
}
