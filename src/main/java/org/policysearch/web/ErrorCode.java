package org.policysearch.web;

import org.springframework.http.HttpStatus;

/**
 * Stable error codes of the API. The code (not the message) is the contract: clients switch on it, and it never
 * carries exception text.
 */
public enum ErrorCode {
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid parameter"),
    INVALID_QUERY(HttpStatus.BAD_REQUEST, "Invalid query"),
    MISSING_FILE(HttpStatus.BAD_REQUEST, "No file uploaded"),
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "API key required"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file type"),
    NO_TEXT(HttpStatus.UNPROCESSABLE_ENTITY, "No extractable text"),
    ENCRYPTED(HttpStatus.UNPROCESSABLE_ENTITY, "Encrypted document"),
    CORRUPT(HttpStatus.UNPROCESSABLE_ENTITY, "Corrupt document"),
    PARSE_TIMEOUT(HttpStatus.UNPROCESSABLE_ENTITY, "Document took too long to parse"),
    /** A batch file whose document Elasticsearch refused for good (a mapping error); the message gives its reason. */
    INDEX_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by the index"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    SEARCH_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Search engine unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The wire form, e.g. {@code payload_too_large}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
