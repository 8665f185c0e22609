package org.policysearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private final Fingerprint fingerprint = new Fingerprinter(new TextNormalizer())
            .fingerprint("各级党组织要把抓基层打基础作为长远之计和固本之举，推动基层建设全面进步、全面过硬，" + "让每一个基层党组织都成为坚强战斗堡垒，让每一名党员都成为一面鲜红旗帜。");

    @Test
    void signatureSurvivesTheStringRoundTrip() {
        String encoded = fingerprint.encodedMinhash();

        assertThat(encoded).matches("[A-Za-z0-9+/]+").hasSize((128 * 8 * 4 + 2) / 3);
        assertThat(Fingerprint.decodeMinhash(encoded)).containsExactly(fingerprint.minhash());
        assertThat(Fingerprint.restore(fingerprint.exactHash(), encoded, fingerprint.bands()))
                .isEqualTo(fingerprint);
    }

    @Test
    void decodingRejectsWhatIsNotASignature() {
        assertThatThrownBy(() -> Fingerprint.decodeMinhash("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void similarityIsTheShareOfEqualComponents() {
        long[] a = {1, 2, 3, 4};
        long[] b = {1, 2, 9, 9};

        assertThat(Fingerprint.similarity(new Fingerprint("x", a, List.of()), new Fingerprint("y", b, List.of())))
                .isEqualTo(0.5);
    }

    @Test
    void signaturesOfDifferentSizesOrEmptyOnesAreNotSimilar() {
        Fingerprint shorter = new Fingerprint("x", new long[] {1, 2}, List.of());
        Fingerprint empty = new Fingerprint("y", new long[0], List.of());

        assertThat(Fingerprint.similarity(fingerprint, shorter)).isZero();
        assertThat(Fingerprint.similarity(empty, empty)).isZero();
    }

    @Test
    void signatureCannotBeChangedFromOutside() {
        long[] minhash = fingerprint.minhash();
        minhash[0]++;

        assertThat(fingerprint.minhash()[0]).isNotEqualTo(minhash[0]);
    }
}
