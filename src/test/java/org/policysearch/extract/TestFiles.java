package org.policysearch.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Builds the test files: policy-style sentences in any encoding, DOCX (well-formed and hostile), RTF. */
final class TestFiles {

    static final String SPEECH = """
            巩固脱贫攻坚成果同乡村振兴有效衔接工作会议上的讲话
            同志们：
            脱贫摘帽不是终点，而是新生活、新奋斗的起点。今天召开会议，主要任务是总结工作、分析形势、部署任务，推动巩固拓展脱贫攻坚成果同乡村振兴有效衔接。
            一、抓党建促脱贫攻坚，我们的工作取得明显成效。全市各级党组织压实责任，选派第一书记和驻村工作队，基层党组织的凝聚力和战斗力进一步增强。
            二、坚持以人民为中心的发展思想，把群众满意不满意作为检验工作成效的根本标准。
            """;

    static final String SPEECH_TRADITIONAL = """
            關於鞏固深化主題教育成果的實施意見
            按照《關於鞏固深化“不忘初心、牢記使命”主題教育成果的意見》有關開展經常性政治體檢要求，用足用好批評和自我批評這一銳利武器，及時檢視整改違背初心使命的各種問題，永葆黨的先進性和純潔性。
            針對巡視巡察反饋的意見，把自己擺進去、把職責擺進去、把工作擺進去，圍繞加強貧困村黨建工作課題，深入鄉鎮、村走訪調研，採取座談交流、聽取匯報、個別談話等形式，進一步研究和解決新形勢下貧困村黨建工作存在的問題。
            """;

    private TestFiles() {}

    static byte[] fixture(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/fixtures/files/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(String title, String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator("中共某某县委组织部");
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX written entry by entry, so tests can put anything into {@code word/document.xml}. */
    static byte[] rawDocx(String documentXml, Map<String, byte[]> embeddings) {
        StringBuilder rels = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        int id = 1;
        for (String name : embeddings.keySet()) {
            rels.append("<Relationship Id=\"rIdE")
                    .append(id++)
                    .append(
                            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" Target=\"embeddings/")
                    .append(name)
                    .append("\"/>");
        }
        rels.append("</Relationships>");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Default Extension="docx" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>"""));
        entries.put("_rels/.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>"""));
        entries.put("word/document.xml", utf8(documentXml));
        entries.put("word/_rels/document.xml.rels", utf8(rels.toString()));
        embeddings.forEach((name, bytes) -> entries.put("word/embeddings/" + name, bytes));
        return zip(entries);
    }

    static String documentXml(String doctype, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<w:p><w:r><w:t>").append(p).append("</w:t></w:r></w:p>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doctype
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>";
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** RTF with every non-ASCII character as a {@code \\uN?} escape (N a signed 16-bit value), as Word writes it. */
    static byte[] rtf(String... paragraphs) {
        StringBuilder rtf =
                new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil SimSun;}}\\uc1\\f0\\fs24 ");
        for (String p : paragraphs) {
            for (char c : p.toCharArray()) {
                if (c < 0x80) {
                    rtf.append(c == '\\' || c == '{' || c == '}' ? "\\" + c : String.valueOf(c));
                } else {
                    rtf.append("\\u").append((int) (short) c).append('?');
                }
            }
            rtf.append("\\par\n");
        }
        return rtf.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
