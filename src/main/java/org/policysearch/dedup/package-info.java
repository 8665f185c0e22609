/**
 * Duplicate detection: a normalised text (script, width, case, punctuation and placeholders folded) is fingerprinted
 * with an exact hash and a SuperMinHash signature over character shingles; LSH band keys find candidates in the index
 * and {@link org.policysearch.dedup.DuplicateResolver} picks the representative a new document duplicates.
 */
package org.policysearch.dedup;
