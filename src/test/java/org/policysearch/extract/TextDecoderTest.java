package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private final TextDecoder decoder = new TextDecoder(new TextPlausibility(CommonChars.defaults()), 65536);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void gbkDeclarationsAreWidenedToGb18030() {
        assertThat(TextDecoder.declaredCharset(ascii("<meta charset=gb2312>"))).isEqualTo(TextDecoder.GB18030);
        assertThat(TextDecoder.declaredCharset(
                        ascii("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">")))
                .isEqualTo(TextDecoder.GB18030);
        assertThat(TextDecoder.declaredCharset(ascii("<meta charset='x-gbk'/>")))
                .isEqualTo(TextDecoder.GB18030);
        assertThat(TextDecoder.declaredCharset(ascii("<meta charset=\"big5\">")))
                .isEqualTo(TextDecoder.BIG5);
    }

    @Test
    void xmlDeclarationIsReadWhenThereIsNoMeta() {
        assertThat(TextDecoder.declaredCharset(ascii("<?xml version=\"1.0\" encoding=\"gb2312\"?><html/>")))
                .isEqualTo(TextDecoder.GB18030);
    }

    @Test
    void unknownOrMissingDeclarationIsNoHint() {
        assertThat(TextDecoder.declaredCharset(ascii("<meta charset=\"no-such-charset\">")))
                .isNull();
        assertThat(TextDecoder.declaredCharset(ascii("<html><body>无声明</body></html>")))
                .isNull();
    }

    @Test
    void declaredLatin1IsKeptForALatin1Page() {
        String html =
                "<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\u00e9 na\u00efve r\u00e9sum\u00e9</body></html>";
        TextDecoder.Decoded decoded = decoder.decode(html.getBytes(StandardCharsets.ISO_8859_1), true);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(decoded.text()).contains("Café naïve résumé");
    }

    @Test
    void twoCharacterGbkFileIsStillGb() {
        TextDecoder.Decoded decoded = decoder.decode("通知".getBytes(Charset.forName("GBK")), false);
        assertThat(decoded.charset()).isEqualTo(TextDecoder.GB18030);
        assertThat(decoded.text()).isEqualTo("通知");
    }

    @Test
    void chineseAfterALongAsciiHeadIsStillScored() {
        // The charset is judged from the first non-ASCII byte on, so 100 KB of script does not hide it.
        String head = "<html><head><meta charset=\"utf-8\"><script>" + "var x = 1;\n".repeat(10_000) + "</script>";
        String html = head + "</head><body>" + TestFiles.SPEECH + "</body></html>";
        String traditional = head + "</head><body>" + TestFiles.SPEECH_TRADITIONAL + "</body></html>";
        TextDecoder.Decoded big5 = decoder.decode(traditional.getBytes(Charset.forName("Big5")), true);
        assertThat(big5.charset()).isEqualTo(TextDecoder.BIG5);
        TextDecoder.Decoded gbk = decoder.decode(html.getBytes(Charset.forName("GBK")), true);
        assertThat(gbk.charset()).isEqualTo(TextDecoder.GB18030);
        assertThat(gbk.text()).contains("选派第一书记和驻村工作队");
    }

    @Test
    void pureAsciiIsUtf8() {
        assertThat(decoder.decode(ascii("Notice No. 12 (2025)"), false).charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void replacementCharactersMarkTheTextAsGarbled() {
        String broken = TestFiles.SPEECH.substring(0, 40) + "\uFFFD\uFFFD\uFFFD\uFFFD";
        assertThat(decoder.decode(broken.getBytes(StandardCharsets.UTF_8), false)
                        .mojibake())
                .isTrue();
        assertThat(decoder.decode(TestFiles.SPEECH.getBytes(StandardCharsets.UTF_8), false)
                        .mojibake())
                .isFalse();
    }

    @Test
    void bomWinsOverContent() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFE;
        bytes[1] = (byte) 0xFF;
        System.arraycopy(body, 0, bytes, 2, body.length);
        TextDecoder.Decoded decoded = decoder.decode(bytes, false);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(decoded.text()).isEqualTo("abc");
    }
}
