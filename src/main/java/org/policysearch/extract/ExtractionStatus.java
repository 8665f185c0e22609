package org.policysearch.extract;

/** Outcome of extraction; every non-OK value maps to a stable API error code. */
public enum ExtractionStatus {
    OK,
    /** Not a format the service reads (HTTP 415). */
    UNSUPPORTED,
    /** Over a configured limit: bytes, characters, nesting depth (HTTP 413). */
    TOO_LARGE,
    /** Parsed, but no text worth indexing (HTTP 422). */
    EMPTY,
    /** Password-protected (HTTP 422). */
    ENCRYPTED,
    /** Damaged or not what it claims to be (HTTP 422). */
    CORRUPT,
    /** Parsing took longer than allowed (HTTP 422). */
    TIMEOUT
}
