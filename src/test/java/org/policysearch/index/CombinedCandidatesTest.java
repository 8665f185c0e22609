package org.policysearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How one combined candidate search's hits are shared out among the documents of a chunk. */
class CombinedCandidatesTest {

    private static PolicyDocument doc(String id, String exactHash, String... bands) {
        return TestDocument.builder(id)
                .fingerprint(exactHash, "AAAAAAAAAAA", List.of(bands))
                .build();
    }

    @Test
    void eachDocumentGetsTheHitsSharingAKeyExactFirstThenByBandsShared() {
        PolicyDocument d = doc("new", "h1", "b0_a", "b1_b", "b2_c");
        List<PolicyDocument> hits = List.of(
                doc("one-band", "x", "b0_a", "b9_z"),
                doc("unrelated", "y", "b5_q"),
                doc("exact", "h1", "b7_w"),
                doc("two-bands", "z", "b1_b", "b2_c"));

        assertThat(BatchStore.candidatesOf(d, hits, 10).stream().map(PolicyDocument::id))
                .containsExactly("exact", "two-bands", "one-band");
        assertThat(BatchStore.candidatesOf(d, hits, 2).stream().map(PolicyDocument::id))
                .containsExactly("exact", "two-bands");
    }

    @Test
    void aShortTextWithoutBandsOnlyGetsExactMatches() {
        PolicyDocument d = doc("short", "h2");
        List<PolicyDocument> hits = List.of(doc("same", "h2"), doc("other", "h3", "b0_a"));

        assertThat(BatchStore.candidatesOf(d, hits, 10).stream().map(PolicyDocument::id))
                .containsExactly("same");
    }

    @Test
    void tiesAreBrokenById() {
        PolicyDocument d = doc("new", "h1", "b0_a");
        List<PolicyDocument> hits = List.of(doc("b", "x", "b0_a"), doc("a", "y", "b0_a"));

        assertThat(BatchStore.candidatesOf(d, hits, 10).stream().map(PolicyDocument::id))
                .containsExactly("a", "b");
    }
}
