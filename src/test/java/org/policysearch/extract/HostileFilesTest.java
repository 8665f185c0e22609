package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
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
        byte[] bytes = new byte[64 * 1024];
        new Random(42).nextBytes(bytes);
        Extraction e = timed(extractor, bytes, "data.bin");
        assertThat(e.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(e.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void randomBytesNamedPdfAreNotBelievedByName() {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Extraction e = timed(extractor, bytes, "report.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(e.contentType()).isEqualTo("application/octet-stream");
        assertThat(e.text()).isEmpty();
    }

    @Test
    void pngIsUnsupported() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Extraction e = timed(extractor, png.toByteArray(), "scan.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.UNSUPPORTED);
        assertThat(e.contentType()).isEqualTo("image/png");
    }

    @Test
    void executableIsUnsupported() {
        byte[] elf = Arrays.copyOf(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 4096);
        Extraction e = timed(extractor, elf, "setup.doc");
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
        byte[] pdf = TestFiles.fixture("policy-zh.pdf");
        Extraction e = timed(extractor, Arrays.copyOf(pdf, pdf.length / 3), "policy.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.CORRUPT);
        assertThat(e.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void encryptedPdf() throws IOException {
        byte[] encrypted;
        try (PDDocument doc = Loader.loadPDF(TestFiles.fixture("policy-zh.pdf"))) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            encrypted = out.toByteArray();
        }
        Extraction e = timed(extractor, encrypted, "secret.pdf");
        assertThat(e.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        assertThat(e.text()).isEmpty();
    }

    @Test
    void encryptedDocx() throws Exception {
        byte[] docx = TestFiles.docx("机密", "这是一份加密的文件内容");
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("secret");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
        }
        Extraction e = timed(extractor, out.toByteArray(), "secret.docx");
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            putSmallDocxParts(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(TestFiles.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
                    + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'A');
            for (int i = 0; i < mebibytes; i++) {
                zip.write(chunk);
            }
            zip.write(TestFiles.utf8("</w:t></w:r></w:p></w:body></w:document>"));
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(mebibytes * 4096 + 65536);
        return bytes.toByteArray();
    }

    @Test
    void xxeInDocxDoesNotLeakLocalFiles() {
        String doctype = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        byte[] docx = TestFiles.rawDocx(TestFiles.documentXml(doctype, "关于加强基层党组织建设的意见", "泄露内容：&xxe;结束"), Map.of());
        Extraction e = timed(extractor, docx, "xxe.docx");
        // POI refuses any DOCTYPE in a part (disallow-doctype-decl): such a file is not a valid Word file.
        assertThat(e.status()).isEqualTo(ExtractionStatus.CORRUPT);
        assertThat(e.text()).doesNotContain("root:");
        assertThat(e.metadata().toString()).doesNotContain("root:");
    }

    @Test
    void xxeInXhtmlDoesNotLeakLocalFiles() {
        String xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>通知</title></head>"
                + "<body><p>各级党组织要认真贯彻落实。&xxe;</p></body></html>";
        Extraction e = timed(extractor, xhtml.getBytes(StandardCharsets.UTF_8), "page.xhtml");
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

    private static void putSmallDocxParts(ZipOutputStream zip) throws IOException {
        byte[] probe = TestFiles.rawDocx(TestFiles.documentXml("", "x"), Map.of());
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(probe))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().equals("word/document.xml")) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    zip.write(in.readAllBytes());
                    zip.closeEntry();
                }
            }
        }
    }
}
