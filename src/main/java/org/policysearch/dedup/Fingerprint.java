package org.policysearch.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * What the index keeps of a document's text for duplicate detection.
 *
 * @param exactHash first 32 hex characters of the SHA-256 of the normalised text
 * @param minhash SuperMinHash signature of the normalised text's character shingles; empty when the normalised text
 *     is empty
 * @param bands LSH band keys ({@code b<i>_<hex>}) to index as a keyword field and look up with a {@code terms}
 *     query; empty when the text is too short to be judged by similarity
 */
public record Fingerprint(String exactHash, long[] minhash, List<String> bands) {

    public Fingerprint {
        minhash = minhash.clone();
        bands = List.copyOf(bands);
    }

    @Override
    public long[] minhash() {
        return minhash.clone();
    }

    /**
     * Estimated Jaccard similarity of the two texts' shingle sets: the share of equal signature components. Zero when
     * either signature is empty or the two were made with different signature sizes.
     */
    public static double similarity(Fingerprint a, Fingerprint b) {
        long[] x = a.minhash;
        long[] y = b.minhash;
        if (x.length == 0 || x.length != y.length) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                equal++;
            }
        }
        return equal / (double) x.length;
    }

    /** The signature as base64 of its big-endian longs, for storing in {@code _source}. */
    public String encodedMinhash() {
        ByteBuffer bytes = ByteBuffer.allocate(minhash.length * Long.BYTES);
        bytes.asLongBuffer().put(minhash);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Reverses {@link #encodedMinhash()}. */
    public static long[] decodeMinhash(String encoded) {
        byte[] bytes = Base64.getDecoder().decode(encoded);
        if (bytes.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("Not an encoded signature: " + bytes.length + " bytes");
        }
        long[] minhash = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(minhash);
        return minhash;
    }

    /** Rebuilds a fingerprint from the stored fields. */
    public static Fingerprint restore(String exactHash, String encodedMinhash, List<String> bands) {
        return new Fingerprint(exactHash, decodeMinhash(encodedMinhash), bands);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f
                && exactHash.equals(f.exactHash)
                && Arrays.equals(minhash, f.minhash)
                && bands.equals(f.bands);
    }

    @Override
    public int hashCode() {
        return 31 * exactHash.hashCode() + Arrays.hashCode(minhash);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + exactHash + ", " + minhash.length + " components, " + bands.size() + " bands]";
    }
}
