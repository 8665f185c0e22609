package org.policysearch.dedup;

/**
 * Why a new document was found to duplicate another.
 *
 * @param representative the document it duplicates (what {@code duplicateOf} should hold)
 * @param matchedId the candidate whose fingerprint matched; the representative itself or one of its duplicates
 * @param similarity estimated Jaccard similarity with the matched candidate (1.0 for an exact match)
 * @param exact whether the normalised texts are identical
 */
public record DuplicateMatch(String representative, String matchedId, double similarity, boolean exact) {}
