package org.policysearch.dedup;

import java.util.Objects;

/**
 * An indexed document that may be duplicated by a new one.
 *
 * @param id the document's id
 * @param fingerprint its stored fingerprint
 * @param duplicateOf the representative it duplicates, or {@code null} when it is a representative itself
 */
public record Candidate(String id, Fingerprint fingerprint, String duplicateOf) {

    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The document a duplicate of this one should point at: never another duplicate. */
    public String representative() {
        return duplicateOf != null ? duplicateOf : id;
    }
}
