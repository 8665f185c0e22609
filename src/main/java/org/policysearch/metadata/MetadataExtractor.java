package org.policysearch.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Document metadata from cleaned text plus whatever the page or file declared. Explicit metadata wins over the text;
 * in the text, labelled lines win over the signing date at the end, which wins over a date in the header. Dates inside
 * the narrative body are never taken.
 */
@Component
public final class MetadataExtractor {

    private static final List<String> TITLE_META =
            List.of("og:title", "dc.title", "dc:title", "dcterms:title", "title");
    private static final List<String> DATE_META = List.of(
            "article:published_time",
            "publishdate",
            "pubdate",
            "publish_date",
            "publishtime",
            "dcterms.created",
            "dcterms.issued",
            "dcterms:issued",
            "dc.date",
            "date");
    // When the file was made (often from a template, or by a converter today): weaker than any date in the text.
    private static final List<String> FILE_DATE_META = List.of("dcterms:created", "created", "meta:creation-date");
    private static final Pattern UPLOAD_DATE = Pattern.compile("(?:上传|上傳)(?:时间|時間|日期)\\s*[:：]\\s*\\S+");
    private static final List<String> AUTHOR_META = List.of("author", "dc.creator", "dc:creator", "meta:author");
    private static final List<String> KEYWORD_META = List.of("keywords", "meta:keyword", "dc:subject");

    private static final Pattern DATE_LABEL = Pattern.compile(
            // an upload date of a doc-sharing site (上传时间) says nothing about when the document was written
            "(?<!上传|上傳)(发布时间|发布日期|成文日期|印发日期|发文日期|公布日期|更新时间|日期|时间)\\s*[:：]");
    private static final Pattern SOURCE_FIELD = Labels.field("来源|來源|稿源|出处");
    private static final Pattern AUTHOR_FIELD = Labels.field("作者|责任编辑|编辑|撰稿|撰文");
    private static final Pattern BODY_FIELD = Labels.field("发文机关|发布机关|制定机关|发文单位|颁布机关");
    private static final Pattern DOC_NUMBER_FIELD = Labels.field("发文字号|文号");
    private static final Set<String> NOT_A_SOURCE = Set.of("网络", "网络整理", "互联网", "网友投稿", "本站", "本站原创", "原创", "佚名");
    /** A line that is an organisation name, as in the signature block of a notice. */
    private static final Pattern ORG_LINE = Pattern.compile(
            "^[\\p{IsHan}（）()·]{2,40}(?:委员会|人民政府|政府|办公厅|办公室|领导小组|指挥部|党委|党组|党工委|支部|总工会|联合会|工作委员会|中心|法院|检察院|部|局|委|厅|院|会|处|所|署|队)$");

    /** 国务院办公厅关于…, 最高人民法院、最高人民检察院关于…: the issuers named before 关于 in a title. */
    private static final Pattern TITLE_ISSUERS = Pattern.compile("^(.{2,60}?)关于");

    private static final Pattern ISSUER_SPLIT = Pattern.compile("[、\\s]+");
    private static final Pattern SENTENCE_PUNCT = Pattern.compile("[，,。；;！？!?]");
    private static final Pattern TITLE_END = Pattern.compile("[。；;，,：:！？!?]$");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?:(?<![A-Za-z])(?:X{1,4}|×{1,4}|Ｘ{1,4})(?=\\p{IsHan}))|(?:(?<=\\p{IsHan})(?:X{1,4}|×{1,4}|Ｘ{1,4})(?![A-Za-z]))"
                    + "|(?:20[_＿Xx×]{1,2}|20\\d[_＿Xx×]|_{2,})\\s*年");
    /** Every PLACEHOLDER match holds one of these: texts without any (most) skip the pattern's slow scan. */
    private static final String PLACEHOLDER_CHARS = "Xx×Ｘ_＿";

    private static final Pattern FLAG_SPLIT = Pattern.compile("[,\\s]+");
    /** Header and footer: where labelled fields and signing blocks live, as opposed to the narrative body. */
    private static final int EDGE_LINES = 8;

    private static final int SHORT_LINE = 40;

    private final Titles titles;
    private final Sites sites;
    private final DocTypes docTypes;
    private final Regions regions;
    private final Topics topics;
    private final Keywords keywords;
    private final Map<String, String> bodiesByPrefix = new HashMap<>();
    private final Set<String> authorStopList;

    public MetadataExtractor() {
        this.titles = Titles.load();
        this.sites = Sites.load();
        this.docTypes = DocTypes.load();
        this.regions = Regions.load();
        this.topics = Topics.load();
        this.keywords = Keywords.load();
        DataFiles.rows("doc-number-prefixes.tsv").forEach(r -> bodiesByPrefix.put(r[0], r[1]));
        this.authorStopList = Set.copyOf(DataFiles.lines("author-stoplist.txt"));
    }

    public DocumentMetadata extract(MetadataInput in) {
        Map<String, String> provenance = new HashMap<>();
        List<String> lines =
                in.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String simplified = Scripts.toSimple(in.text());
        List<String> simplifiedLines =
                simplified.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();

        String title = title(in, lines, provenance);
        String simplifiedTitle = title == null ? "" : Scripts.toSimple(title);
        LocalDate date = date(in, lines, provenance);
        Integer year = null;
        if (date != null) {
            year = date.getYear();
            provenance.put("year", "date");
        } else if (title != null) {
            OptionalInt y = Dates.year(title);
            if (y.isPresent()) {
                year = y.getAsInt();
                provenance.put("year", "title");
            }
        }
        // Issuers and numbers are matched and returned in Simplified: 國辦發 and 国办发 are one number.
        String docNumber = docNumber(in, simplifiedTitle, simplifiedLines, provenance);
        String issuingBody = issuingBody(in, simplifiedTitle, simplifiedLines, docNumber, provenance);
        List<String> typeCandidates = new ArrayList<>();
        typeCandidates.add(simplifiedTitle);
        simplifiedLines.stream()
                .limit(5)
                .filter(l ->
                        l.length() <= SHORT_LINE && !SENTENCE_PUNCT.matcher(l).find())
                .forEach(typeCandidates::add);
        String type = docTypes.classify(typeCandidates);
        String all = simplifiedTitle + "\n" + simplified;
        List<String> keywordList = keywords(in, simplified, provenance);
        return new DocumentMetadata(
                title,
                date,
                year,
                source(in, lines, provenance),
                author(in, lines, provenance),
                issuingBody,
                docNumber,
                type,
                regions.find(all),
                topics.assign(all),
                keywordList,
                Scripts.detect((title == null ? "" : title) + in.text()),
                flags(in, title),
                provenance);
    }

    private String title(MetadataInput in, List<String> lines, Map<String, String> provenance) {
        String og = titles.clean(in.first("og:title"));
        if (og != null) {
            provenance.put("title", "meta:og:title");
            return og;
        }
        String extracted = titles.clean(in.extractedTitle());
        if (extracted != null) {
            provenance.put("title", "extracted");
            return extracted;
        }
        for (String key : TITLE_META) {
            String t = titles.clean(in.first(key));
            if (t != null) {
                provenance.put("title", "meta:" + key);
                return t;
            }
        }
        if (!lines.isEmpty() && looksLikeTitle(lines.get(0))) {
            provenance.put("title", "text:first-line");
            return titles.clean(lines.get(0));
        }
        String file = titles.clean(in.fileName());
        if (file != null) {
            provenance.put("title", "file-name");
        }
        return file;
    }

    private static boolean looksLikeTitle(String line) {
        return line.length() <= 80
                && !TITLE_END.matcher(line).find()
                && line.codePoints().anyMatch(Topics::isHan);
    }

    private LocalDate date(MetadataInput in, List<String> lines, Map<String, String> provenance) {
        LocalDate published = metaDate(in, DATE_META, provenance);
        if (published != null) {
            return published;
        }
        LocalDate inText = textDate(in, lines, provenance);
        return inText != null ? inText : metaDate(in, FILE_DATE_META, provenance);
    }

    private static LocalDate metaDate(MetadataInput in, List<String> keys, Map<String, String> provenance) {
        for (String key : keys) {
            String v = in.first(key);
            Dates.Found d = v == null ? null : Dates.first(v);
            if (d != null) {
                provenance.put("date", "meta:" + key);
                return d.date();
            }
        }
        return null;
    }

    private LocalDate textDate(MetadataInput in, List<String> lines, Map<String, String> provenance) {
        String info = in.first("info");
        info = info == null ? null : UPLOAD_DATE.matcher(info).replaceAll("");
        if (info != null) {
            Dates.Found d = labelledDate(info);
            d = d != null ? d : Dates.first(info);
            if (d != null) {
                provenance.put("date", "meta:info");
                return d.date();
            }
        }
        for (String line : edges(lines)) {
            Matcher label = DATE_LABEL.matcher(line);
            Dates.Found d = labelledDate(line);
            if (d != null && label.find()) {
                provenance.put("date", "text:" + label.group(1));
                return d.date();
            }
        }
        int signing = signingDateLine(lines);
        if (signing >= 0) {
            provenance.put("date", "text:落款");
            return Dates.first(lines.get(signing)).date();
        }
        Promulgation.Header header = Promulgation.read(lines);
        if (header != null) {
            provenance.put("date", "text:promulgation");
            return header.date();
        }
        for (String line : lines.subList(Math.min(1, lines.size()), Math.min(EDGE_LINES, lines.size()))) {
            Dates.Found d = Dates.first(line);
            if (d != null
                    && line.length() <= 60
                    && !SENTENCE_PUNCT.matcher(line).find()) {
                provenance.put("date", "text:header");
                return d.date();
            }
        }
        return null;
    }

    private static Dates.Found labelledDate(String line) {
        Matcher label = DATE_LABEL.matcher(line);
        return label.find() ? Dates.first(line.substring(label.end())) : null;
    }

    /** Index of the 落款 date line near the end: a line that is a date and little else; -1 when none. */
    private static int signingDateLine(List<String> lines) {
        // The second half only: in a short text, a date under the title is a header, not a signature.
        for (int i = lines.size() - 1;
                i >= Math.max(Math.max(1, (lines.size() + 1) / 2), lines.size() - EDGE_LINES);
                i--) {
            String line = lines.get(i);
            Dates.Found d = Dates.first(line);
            if (d == null) {
                continue;
            }
            String rest = line.substring(0, d.start()) + line.substring(d.end());
            String stripped = rest.replaceAll("[\\s()（）]|印发|发布|签发", "");
            if (stripped.isEmpty() || ORG_LINE.matcher(stripped).matches()) {
                return i;
            }
        }
        return -1;
    }

    private String docNumber(MetadataInput in, String title, List<String> lines, Map<String, String> provenance) {
        for (String candidate : new String[] {in.first("发文字号"), in.first("文号")}) {
            var n = DocNumbers.normalize(candidate);
            if (n.isPresent()) {
                provenance.put("docNumber", "meta");
                return n.get();
            }
        }
        for (String line : lines.subList(0, Math.min(EDGE_LINES, lines.size()))) {
            String[] field = Labels.find(DOC_NUMBER_FIELD, line);
            var n = field == null ? Optional.<String>empty() : DocNumbers.normalize(field[1]);
            if (n.isPresent()) {
                provenance.put("docNumber", "text:" + field[0]);
                return n.get();
            }
        }
        List<String> inTitle = DocNumbers.find(title);
        if (!inTitle.isEmpty()) {
            provenance.put("docNumber", "title");
            return inTitle.get(0);
        }
        // Only the header: numbers in the body are documents the text cites, not its own.
        List<String> inHeader = DocNumbers.find(String.join("\n", lines.subList(0, Math.min(5, lines.size()))));
        if (!inHeader.isEmpty()) {
            provenance.put("docNumber", "text:header");
            return inHeader.get(0);
        }
        return null;
    }

    private String issuingBody(
            MetadataInput in, String title, List<String> lines, String docNumber, Map<String, String> provenance) {
        String meta = in.first("发文机关");
        if (meta != null) {
            provenance.put("issuingBody", "meta:发文机关");
            return meta;
        }
        for (String line : edges(lines)) {
            String[] field = Labels.find(BODY_FIELD, line);
            if (field != null) {
                provenance.put("issuingBody", "text:" + field[0]);
                return field[1];
            }
        }
        Promulgation.Header header = Promulgation.read(lines);
        if (header != null && header.issuingBody() != null) {
            provenance.put("issuingBody", "text:promulgation");
            return header.issuingBody();
        }
        String fromTitle = issuersInTitle(title);
        if (fromTitle != null) {
            provenance.put("issuingBody", "title");
            return fromTitle;
        }
        if (docNumber != null) {
            String prefix = DocNumbers.prefix(docNumber);
            for (int len = prefix.length(); len >= 2; len--) {
                String body = bodiesByPrefix.get(prefix.substring(0, len));
                if (body != null) {
                    provenance.put("issuingBody", "docNumber");
                    return body;
                }
            }
        }
        String signed = signature(lines);
        if (signed != null) {
            provenance.put("issuingBody", "text:落款");
        }
        return signed;
    }

    private static String issuersInTitle(String title) {
        Matcher m = title == null ? null : TITLE_ISSUERS.matcher(title);
        if (m == null || !m.find()) {
            return null;
        }
        List<String> issuers = List.of(ISSUER_SPLIT.split(m.group(1).strip()));
        boolean allOrganisations = issuers.stream()
                .allMatch(i -> i.equals("中共中央")
                        || i.equals("国务院")
                        || ORG_LINE.matcher(i).matches());
        return allOrganisations ? String.join("、", issuers) : null;
    }

    /** Organisation lines right above the signing date (or before the date on the same line). */
    private static String signature(List<String> lines) {
        int dateLine = signingDateLine(lines);
        if (dateLine < 0) {
            return null;
        }
        List<String> orgs = new ArrayList<>();
        String sameLine = lines.get(dateLine);
        Dates.Found d = Dates.first(sameLine);
        String before = sameLine.substring(0, d.start()).strip();
        if (ORG_LINE.matcher(before).matches()) {
            orgs.add(before);
        }
        // Joint notices stack several organisations above one date.
        for (int i = dateLine - 1; i >= Math.max(0, dateLine - 3); i--) {
            String line = lines.get(i).replaceAll("\\s", "");
            if (!ORG_LINE.matcher(line).matches()) {
                break;
            }
            orgs.add(0, line);
        }
        return orgs.isEmpty() ? null : String.join("、", orgs);
    }

    private String source(MetadataInput in, List<String> lines, Map<String, String> provenance) {
        String site = in.first("og:site_name");
        if (site != null) {
            provenance.put("source", "meta:og:site_name");
            return site;
        }
        String known = sites.nameFor(in.sourceUrl());
        if (known != null) {
            provenance.put("source", "host");
            return known;
        }
        String[] field = labelled(SOURCE_FIELD, in, lines);
        if (field != null && !NOT_A_SOURCE.contains(Scripts.toSimple(field[1]))) {
            provenance.put("source", field[2]);
            return field[1];
        }
        return null;
    }

    private String author(MetadataInput in, List<String> lines, Map<String, String> provenance) {
        for (String key : AUTHOR_META) {
            String v = in.first(key);
            if (v != null && !authorStopList.contains(v.toLowerCase(Locale.ROOT))) {
                provenance.put("author", "meta:" + key);
                return v;
            }
        }
        String[] field = labelled(AUTHOR_FIELD, in, lines);
        if (field != null && !NOT_A_SOURCE.contains(field[1])) {
            provenance.put("author", field[2]);
            return field[1];
        }
        return null;
    }

    /** {label, value, provenance} from the info strip, else the header/footer lines. */
    private static String[] labelled(Pattern field, MetadataInput in, List<String> lines) {
        String[] f = Labels.find(field, in.first("info"));
        if (f != null) {
            return new String[] {f[0], f[1], "meta:info"};
        }
        for (String line : edges(lines)) {
            f = Labels.find(field, line);
            if (f != null && line.length() <= 200) {
                return new String[] {f[0], f[1], "text:" + f[0]};
            }
        }
        return null;
    }

    private List<String> keywords(MetadataInput in, String simplified, Map<String, String> provenance) {
        if (in.keywordLine() != null && !in.keywordLine().isBlank()) {
            provenance.put("keywords", "keyword-line");
            return keywords.fromLine(in.keywordLine());
        }
        for (String key : KEYWORD_META) {
            String v = in.first(key);
            if (v != null) {
                provenance.put("keywords", "meta:" + key);
                return keywords.fromLine(v);
            }
        }
        List<String> extracted = keywords.extract(simplified);
        if (!extracted.isEmpty()) {
            provenance.put("keywords", "extracted");
        }
        return extracted;
    }

    private static List<String> flags(MetadataInput in, String title) {
        Set<String> flags = new LinkedHashSet<>();
        in.meta().getOrDefault("flags", List.of()).stream()
                .flatMap(v -> FLAG_SPLIT.splitAsStream(v.strip()))
                .filter(f -> !f.isEmpty())
                .forEach(flags::add);
        String text = (title == null ? "" : title) + "\n" + in.text();
        if (text.chars().anyMatch(c -> PLACEHOLDER_CHARS.indexOf(c) >= 0)
                && PLACEHOLDER.matcher(text).find()) {
            flags.add("placeholder");
        }
        return new ArrayList<>(flags);
    }

    /** First and last lines: where labelled fields live. */
    private static List<String> edges(List<String> lines) {
        if (lines.size() <= 2 * EDGE_LINES) {
            return lines;
        }
        List<String> edges = new ArrayList<>(lines.subList(0, EDGE_LINES));
        edges.addAll(lines.subList(lines.size() - EDGE_LINES, lines.size()));
        return edges;
    }
}
