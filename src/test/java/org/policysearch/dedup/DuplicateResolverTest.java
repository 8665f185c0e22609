package org.policysearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateResolverTest {

    private static final List<String> BANDS = List.of("b0_000000000000");

    private final DuplicateResolver resolver = new DuplicateResolver(new DedupProperties(0.8));

    /** A fingerprint whose signature shares its first {@code equal} of 100 components with {@link #base()}. */
    private static Fingerprint sharing(int equal, String exactHash) {
        long[] minhash = new long[100];
        for (int i = 0; i < minhash.length; i++) {
            minhash[i] = i < equal ? i : exactHash.hashCode() * 1000L + i;
        }
        return new Fingerprint(exactHash, minhash, BANDS);
    }

    private static Fingerprint base() {
        return sharing(100, "base");
    }

    @Test
    void exactHashMatchPointsAtTheRepresentativeNotAtTheDuplicate() {
        Fingerprint newDoc = new Fingerprint("same", new long[] {7}, List.of());
        Candidate duplicate = new Candidate("copy-2", new Fingerprint("same", new long[] {8}, List.of()), "orig");

        assertThat(resolver.bestMatch(newDoc, List.of(duplicate)))
                .hasValue(new DuplicateMatch("orig", "copy-2", 1.0, true));
    }

    @Test
    void exactMatchWinsOverASimilarOne() {
        List<Candidate> candidates = List.of(
                new Candidate("near", sharing(99, "other"), null), new Candidate("exact", sharing(85, "base"), null));

        assertThat(resolver.representativeOf(base(), candidates)).hasValue("exact");
    }

    @Test
    void nearMatchTakesTheMostSimilarCandidatesRepresentative() {
        List<Candidate> candidates = List.of(
                new Candidate("c1", sharing(82, "h1"), null),
                new Candidate("c2", sharing(93, "h2"), "rep-of-c2"),
                new Candidate("c3", sharing(60, "h3"), null));

        assertThat(resolver.bestMatch(base(), candidates)).hasValue(new DuplicateMatch("rep-of-c2", "c2", 0.93, false));
    }

    @Test
    void nothingAtOrAboveTheThresholdMeansANewDocument() {
        List<Candidate> candidates =
                List.of(new Candidate("c1", sharing(79, "h1"), null), new Candidate("c2", sharing(20, "h2"), null));

        assertThat(resolver.representativeOf(base(), candidates)).isEmpty();
        assertThat(resolver.representativeOf(base(), List.of())).isEmpty();
    }

    @Test
    void thresholdIsConfigurable() {
        List<Candidate> candidates = List.of(new Candidate("c1", sharing(85, "h1"), null));

        assertThat(new DuplicateResolver(new DedupProperties(0.9)).representativeOf(base(), candidates))
                .isEmpty();
        assertThat(new DuplicateResolver(new DedupProperties(0.85)).representativeOf(base(), candidates))
                .hasValue("c1");
    }

    @Test
    void tiesAreBrokenTheSameWayWhateverTheCandidateOrder() {
        List<Candidate> candidates = new ArrayList<>(List.of(
                new Candidate("d", sharing(90, "h1"), "rep-b"),
                new Candidate("c", sharing(90, "h2"), "rep-a"),
                new Candidate("b", sharing(90, "h3"), "rep-a"),
                new Candidate("a", sharing(88, "h4"), null)));
        Random random = new Random(42);

        for (int round = 0; round < 10; round++) {
            Collections.shuffle(candidates, random);
            assertThat(resolver.bestMatch(base(), candidates)).hasValue(new DuplicateMatch("rep-a", "b", 0.9, false));
        }
    }

    @Test
    void textsTooShortForBandsOnlyMatchExactly() {
        Fingerprint shortText = new Fingerprint("short", base().minhash(), List.of());
        List<Candidate> similar = List.of(new Candidate("c1", sharing(95, "h1"), null));

        assertThat(resolver.representativeOf(shortText, similar)).isEmpty();
        assertThat(resolver.representativeOf(base(), List.of(new Candidate("s", shortText, null))))
                .isEmpty();
    }
}
