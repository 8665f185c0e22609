package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Files built to hurt: each must come back quickly with the right status and leak nothing. */
class HostileFilesTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    private static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(ExtractionProperties.defaults());
        // Warm up Tika's class loading so the time limits below measure the parse, not the first use.
        assertThat(extractor.extract(TestFiles.docx("t", "预热文本内容"), null).ok()).isTrue();
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    private static Extraction timed(DocumentExtractor extractor, byte[] content, String name) {
        long start = System.nanoTime();
        Extraction result = extractor.extract(content, name);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
        if (!result.ok()) {
            assertThat(result.message()).isNotBlank().doesNotContain("Exception");
        }
        return result;
    }

    @Test
    void emptyFile() {
        Extraction e = timed(extractor, new byte[0], "empty.docx");
        assertThat(e.status()).isEqualTo(ExtractionStatus.EMPTY);
        assertThat(e.message()).isNotBlank();
    }

    @Test
    void randomBytesAreUnsupported() {
        Extraction e = timed(extractor, HostileFiles.randomBytes(64 * 1024, 42), "data.bin");
        assertThat(e.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(e.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void randomBytesNamedPdfAreNotBelievedByName() {
        Extraction e = timed(extractor, HostileFiles.randomBytes(64 * 1024, 7), "report.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(e.contentType()).isEqualTo("application/octet-stream");
        assertThat(e.text()).isEmpty();
    }

    @Test
    void pngIsUnsupported() {
        Extraction e = timed(extractor, HostileFiles.png(), "scan.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(e.contentType()).isEqualTo("image/png");
    }

    @Test
    void executableIsUnsupported() {
        Extraction e = timed(extractor, HostileFiles.executable(), "setup.doc");
        assertThat(e.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
    }

    @Test
    void plainZipIsUnsupported() {
        byte[] zip = TestFiles.zip(Map.of("a.txt", TestFiles.utf8("关于做好基层党建工作的通知")));
        Extraction e = timed(extractor, zip, "files.zip");
        assertThat(e.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(e.contentType()).isEqualTo("application/zip");
    }

    @Test
    void scannedPdfWithoutTextIsEmpty() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 50, 500);
            }
            doc.save(out);
        }
        Extraction e = timed(extractor, out.toByteArray(), "scan.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.EMPTY);
        assertThat(e.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void docxWithoutTextIsEmpty() {
        Extraction e = timed(extractor, TestFiles.docx("空白", "", "  "), "blank.docx");
        assertThat(e.status()).isEqualTo(ExtractionStatus.EMPTY);
    }

    @Test
    void truncatedPdfIsCorrupt() {
        Extraction e = timed(extractor, HostileFiles.truncatedPdf(), "policy.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.CORRUPT);
        assertThat(e.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void encryptedPdf() throws IOException {
        Extraction e = timed(extractor, HostileFiles.encryptedPdf(), "secret.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        assertThat(e.text()).isEmpty();
    }

    @Test
    void encryptedDocx() throws Exception {
        Extraction e = timed(extractor, HostileFiles.encryptedDocx(), "secret.docx");
        assertThat(e.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
    }

    @Test
    void docxZipBombOfAGigabyteIsTooLarge() throws IOException {
        // word/document.xml inflates to 1 GiB of text from about a megabyte of zip.
        Extraction e = timed(extractor, zipBombDocx(1024), "bomb.docx");
        assertThat(e.status()).isEqualTo(ExtractionStatus.TOO_LARGE);
        assertThat(e.text()).isEmpty();
    }

    @Test
    void docxZipBombOf64MegabytesIsRefusedBeforeParsing() throws IOException {
        // 64 MiB passes the part size cap; the inflation ratio guards (POI ZipSecureFile, Tika SecureContentHandler)
        // stop it.
        Extraction e = timed(extractor, zipBombDocx(64), "bomb.docx");
        assertThat(e.status()).isEqualTo(ExtractionStatus.TOO_LARGE);
    }

    private static byte[] zipBombDocx(int mebibytes) throws IOException {
        byte[] bomb = HostileFiles.zipBombDocx(mebibytes);
        assertThat(bomb.length).isLessThan(mebibytes * 4096 + 65536);
        return bomb;
    }

    @Test
    void xxeInDocxDoesNotLeakLocalFiles() {
        Extraction e = timed(extractor, HostileFiles.xxeDocx(), "xxe.docx");
        // POI refuses any DOCTYPE in a part (disallow-doctype-decl): such a file is not a valid Word file.
        assertThat(e.status()).isEqualTo(ExtractionStatus.CORRUPT);
        assertThat(e.text()).doesNotContain("root:");
        assertThat(e.metadata().toString()).doesNotContain("root:");
    }

    @Test
    void xxeInXhtmlDoesNotLeakLocalFiles() {
        Extraction e = timed(extractor, HostileFiles.xxeXhtml(), "page.xhtml");
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.text()).contains("各级党组织要认真贯彻落实").doesNotContain("root:");
    }

    @Test
    void fileOverTheByteLimitIsRefusedBeforeParsing() {
        try (DocumentExtractor small = new DocumentExtractor(withLimits(DataSize.ofKilobytes(1), 5_000_000, 3))) {
            Extraction e = timed(small, TestFiles.fixture("policy-zh.pdf"), "policy.pdf");
            assertThat(e.status()).isEqualTo(ExtractionStatus.TOO_LARGE);
            assertThat(e.contentType()).isNull(); // refused before detection
        }
    }

    @Test
    void textOverTheCharacterLimitIsRefusedNotTruncated() {
        try (DocumentExtractor small = new DocumentExtractor(withLimits(DataSize.ofMegabytes(1), 50, 3))) {
            String longParagraph = TestFiles.SPEECH.repeat(3);
            assertThat(timed(small, TestFiles.docx("长文", longParagraph), "long.docx")
                            .status())
                    .isEqualTo(ExtractionStatus.TOO_LARGE);
            assertThat(timed(small, TestFiles.utf8(longParagraph), "long.txt").status())
                    .isEqualTo(ExtractionStatus.TOO_LARGE);
            assertThat(timed(small, TestFiles.utf8("短文本。"), "short.txt").status())
                    .isEqualTo(ExtractionStatus.OK);
        }
    }

    @Test
    void embeddedDocumentsAreFollowedToTheConfiguredDepth() {
        byte[] inner = TestFiles.docx("附件", "附件内容：基层党组织换届选举工作安排");
        byte[] outer = TestFiles.rawDocx(TestFiles.documentXml("", "正文内容：关于做好换届选举工作的通知"), Map.of("inner.docx", inner));
        byte[] nested = TestFiles.rawDocx(TestFiles.documentXml("", "最外层文件"), Map.of("outer.docx", outer));

        try (DocumentExtractor depth1 = new DocumentExtractor(withLimits(DataSize.ofMegabytes(1), 5_000_000, 1))) {
            Extraction one = timed(depth1, outer, "outer.docx");
            assertThat(one.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(one.text()).contains("关于做好换届选举工作的通知", "基层党组织换届选举工作安排");

            assertThat(timed(depth1, nested, "nested.docx").status()).isEqualTo(ExtractionStatus.TOO_LARGE);
        }
    }

    @Test
    void slowParseTimesOut() {
        ExtractionProperties d = ExtractionProperties.defaults();
        ExtractionProperties impatient = new ExtractionProperties(
                d.maxBytes(),
                d.maxChars(),
                d.maxEmbeddedDepth(),
                Duration.ofNanos(1),
                1,
                4,
                d.maxCompressionRatio(),
                d.maxInflatedBytes(),
                d.charsetSampleBytes());
        try (DocumentExtractor hurried = new DocumentExtractor(impatient)) {
            Extraction e = timed(hurried, TestFiles.fixture("policy-zh.pdf"), "policy.pdf");
            assertThat(e.status()).isEqualTo(ExtractionStatus.TIMEOUT);
            assertThat(e.message()).isNotBlank();
        }
    }

    private static ExtractionProperties withLimits(DataSize maxBytes, int maxChars, int maxDepth) {
        ExtractionProperties d = ExtractionProperties.defaults();
        return new ExtractionProperties(
                maxBytes,
                maxChars,
                maxDepth,
                d.parseTimeout(),
                1,
                4,
                d.maxCompressionRatio(),
                d.maxInflatedBytes(),
                d.charsetSampleBytes());
    }
}
