package org.policysearch.index;

import java.util.List;

/**
 * A {@link PolicyDocument} for tests, naming only the fields a test cares about; every other field is unset (null, or
 * empty for lists), as the pipeline leaves a field it found nothing for.
 */
public final class TestDocument {

    private final String id;
    private String title;
    private String text;
    private String date;
    private Integer year;
    private String source;
    private String sourceUrl;
    private String issuingBody;
    private String docNumber;
    private String type;
    private List<String> regions;
    private List<String> topics;
    private List<String> keywords;
    private String script;
    private String duplicateOf;
    private String contentType;
    private String charset;
    private Long size;
    private String exactHash;
    private String minhash;
    private List<String> lshBands;

    private TestDocument(String id) {
        this.id = id;
    }

    public static TestDocument builder(String id) {
        return new TestDocument(id);
    }

    public TestDocument title(String title) {
        this.title = title;
        return this;
    }

    public TestDocument text(String text) {
        this.text = text;
        return this;
    }

    /** The date ({@code yyyy-MM-dd}, or null) and the year it names, as the metadata stage sets both. */
    public TestDocument date(String date) {
        this.date = date;
        this.year = date == null ? null : Integer.valueOf(date.substring(0, 4));
        return this;
    }

    public TestDocument year(Integer year) {
        this.year = year;
        return this;
    }

    public TestDocument source(String source) {
        this.source = source;
        return this;
    }

    public TestDocument sourceUrl(String sourceUrl) {
        this.sourceUrl = sourceUrl;
        return this;
    }

    public TestDocument issuingBody(String issuingBody) {
        this.issuingBody = issuingBody;
        return this;
    }

    public TestDocument docNumber(String docNumber) {
        this.docNumber = docNumber;
        return this;
    }

    public TestDocument type(String type) {
        this.type = type;
        return this;
    }

    public TestDocument regions(List<String> regions) {
        this.regions = regions;
        return this;
    }

    public TestDocument topics(List<String> topics) {
        this.topics = topics;
        return this;
    }

    public TestDocument keywords(List<String> keywords) {
        this.keywords = keywords;
        return this;
    }

    public TestDocument script(String script) {
        this.script = script;
        return this;
    }

    public TestDocument duplicateOf(String duplicateOf) {
        this.duplicateOf = duplicateOf;
        return this;
    }

    /** A plain-text file in UTF-8, as the extraction stage reports one. */
    public TestDocument plainText() {
        this.contentType = "text/plain";
        this.charset = "UTF-8";
        return this;
    }

    public TestDocument size(Long size) {
        this.size = size;
        return this;
    }

    /** The stored fingerprint fields: what a duplicate decision reads. */
    public TestDocument fingerprint(String exactHash, String minhash, List<String> lshBands) {
        this.exactHash = exactHash;
        this.minhash = minhash;
        this.lshBands = lshBands;
        return this;
    }

    public PolicyDocument build() {
        return new PolicyDocument(
                id,
                title,
                text,
                date,
                year,
                source,
                sourceUrl,
                null,
                issuingBody,
                docNumber,
                type,
                regions,
                topics,
                keywords,
                script,
                null,
                duplicateOf,
                null,
                contentType,
                charset,
                null,
                null,
                null,
                null,
                size,
                null,
                exactHash,
                minhash,
                lshBands);
    }
}
