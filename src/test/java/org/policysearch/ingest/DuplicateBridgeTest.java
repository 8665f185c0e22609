package org.policysearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policysearch.dedup.DedupProperties;
import org.policysearch.dedup.DuplicateResolver;
import org.policysearch.extract.DocumentExtractor;
import org.policysearch.extract.ExtractionProperties;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.index.TestDocument;

/**
 * The batch path's in-memory bridge of documents not yet searchable links copies within and across batches, but only
 * while the alias points at the index those documents were written to.
 */
class DuplicateBridgeTest {

    private static final String TEXT = "关于进一步加强基层党组织建设的实施意见。为深入贯彻落实党的二十大精神，全面加强基层党组织建设，"
            + "推动全面从严治党向基层延伸，结合本地实际，提出如下意见。一、总体要求。坚持以习近平新时代中国特色社会主义思想为指导，"
            + "以提升组织力为重点，突出政治功能，持续整顿软弱涣散基层党组织，把基层党组织建设成为坚强战斗堡垒。";

    private static DocumentExtractor extractor;
    private IngestService service;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(ExtractionProperties.defaults());
    }

    /** A fresh service per test: an empty bridge, as after a start. */
    @BeforeEach
    void freshService() {
        service = PipelineEvaluationTest.analysisOnly(extractor, new DuplicateResolver(new DedupProperties(0.7)));
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    private PolicyDocument analysed(String text, String name) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return service.analyse(
                bytes,
                new OriginalStore.OriginalInfo(
                        OriginalStore.sha256(bytes), name, null, bytes.length, "2026-12-01T00:00:00Z"));
    }

    @Test
    void aCopyIsLinkedThroughTheBridgeUntilTheAliasMovesToAnotherIndex() {
        PolicyDocument original = analysed(TEXT, "a.txt");
        PolicyDocument copy = analysed(TEXT + "\n", "b.txt");
        PolicyDocument later = analysed(TEXT + "\n\n", "c.txt");
        assertThat(copy.id()).isNotEqualTo(original.id());

        List<PolicyDocument> first = service.linkDuplicates(List.of(original), List.of(List.of()));
        List<PolicyDocument> second = service.linkDuplicates(List.of(copy), List.of(List.of()));
        assertThat(first.get(0).duplicateOf()).isNull();
        assertThat(second.get(0).duplicateOf()).isEqualTo(original.id());

        // A rebuild swapped the alias: the new index has its own documents and links, the bridge's are stale.
        service.onAliasSwapped(new IndexManager.AliasSwapped("policy-docs", "policy-docs-v2"));
        List<PolicyDocument> third = service.linkDuplicates(List.of(later), List.of(List.of()));
        assertThat(third.get(0).duplicateOf()).isNull();
    }

    @Test
    void aNearCopyOfAnIndexedDocumentIsLinkedWithoutTheBridge() {
        PolicyDocument indexed = analysed(TEXT, "indexed.txt");
        // Three characters differ: a near copy, not an exact one.
        PolicyDocument nearCopy = analysed(TEXT.replace("二十大", "十九大").replace("整顿", "整治"), "near.txt");
        assertThat(nearCopy.exactHash()).isNotEqualTo(indexed.exactHash());
        // What the index answers a duplicate-candidate search with: the fields a decision reads.
        PolicyDocument asSearched = TestDocument.builder(indexed.id())
                .fingerprint(indexed.exactHash(), indexed.minhash(), indexed.lshBands())
                .build();
        // The service's bridge is empty, as after a restart: only the index knows the first document.
        List<PolicyDocument> linked = service.linkDuplicates(List.of(nearCopy), List.of(List.of(asSearched)));
        assertThat(linked.get(0).duplicateOf()).isEqualTo(indexed.id());
    }
}
