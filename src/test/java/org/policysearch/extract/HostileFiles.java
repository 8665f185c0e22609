package org.policysearch.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Files built to hurt, shared by the extractor's unit tests and the upload API's integration test. Deterministic:
 * the same call gives the same bytes.
 */
public final class HostileFiles {

    private HostileFiles() {}

    /** Bytes that are no format at all. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A small black PNG (an image, no text). */
    public static byte[] png() {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of a valid ELF header, padded: an executable. */
    public static byte[] executable() {
        return Arrays.copyOf(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 4096);
    }

    /** The fixture PDF cut to a third: the header says PDF, the cross-reference table is gone. */
    public static byte[] truncatedPdf() {
        byte[] pdf = TestFiles.fixture("policy-zh.pdf");
        return Arrays.copyOf(pdf, pdf.length / 3);
    }

    /** The fixture PDF protected with a user password. */
    public static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = Loader.loadPDF(TestFiles.fixture("policy-zh.pdf"))) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A DOCX encrypted with a password (agile encryption: an OLE container around the package). */
    public static byte[] encryptedDocx() throws Exception {
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
        return out.toByteArray();
    }

    /** A DOCX whose {@code word/document.xml} inflates to {@code mebibytes} MiB of text from about 1/1000 of it. */
    public static byte[] zipBombDocx(int mebibytes) throws IOException {
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
        return bytes.toByteArray();
    }

    /** A DOCX whose document part declares an external entity reading /etc/passwd. */
    public static byte[] xxeDocx() {
        String doctype = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        return TestFiles.rawDocx(TestFiles.documentXml(doctype, "关于加强基层党组织建设的意见", "泄露内容：&xxe;结束"), Map.of());
    }

    /** An XHTML page declaring an external entity reading /etc/passwd. */
    public static byte[] xxeXhtml() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>通知</title></head>"
                        + "<body><p>各级党组织要认真贯彻落实。&xxe;</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void putSmallDocxParts(ZipOutputStream zip) throws IOException {
        byte[] probe = TestFiles.rawDocx(TestFiles.documentXml("", "x"), Map.of());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(probe))) {
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
