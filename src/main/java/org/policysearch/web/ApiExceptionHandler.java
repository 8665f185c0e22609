package org.policysearch.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as an RFC 9457 problem detail with a stable code. Causes are logged; their text never reaches
 * the client.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** About how long the index manager and a restarting node take to be back. */
    private static final String RETRY_AFTER_SECONDS = "10";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(ProblemDetails.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(
                ProblemDetails.of(ErrorCode.INVALID_PARAMETER, "Invalid value for parameter '" + e.getName() + "'"));
    }

    @ExceptionHandler({TransportException.class, ElasticsearchException.class, IOException.class})
    ResponseEntity<ProblemDetail> engine(Exception e) {
        if (e instanceof ElasticsearchException ee && ee.status() == 400) {
            log.warn("Elasticsearch rejected a request: {}", ee.getMessage());
            return respond(ProblemDetails.of(ErrorCode.INVALID_QUERY, "The query could not be run"));
        }
        log.warn("Search engine unavailable", e);
        return respond(ProblemDetails.of(
                ErrorCode.SEARCH_UNAVAILABLE, "The search engine is not available; try again shortly"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(ProblemDetails.of(ErrorCode.INTERNAL_ERROR, "An internal error occurred"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemDetails.of(ErrorCode.PAYLOAD_TOO_LARGE, "The upload exceeds the size limit"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemDetails.of(
                ErrorCode.MISSING_FILE, "Send the document as multipart field '" + ex.getRequestPartName() + "'"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(
                ProblemDetails.of(ErrorCode.INVALID_PARAMETER, "Missing parameter '" + ex.getParameterName() + "'"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring's own problem bodies carry exception-derived detail; replace them with a stable code.
        ErrorCode code = statusCode.value() == 415
                ? ErrorCode.UNSUPPORTED_MEDIA_TYPE
                : statusCode.value() == 404
                        ? ErrorCode.NOT_FOUND
                        : statusCode.is4xxClientError() ? ErrorCode.INVALID_PARAMETER : ErrorCode.INTERNAL_ERROR;
        ProblemDetail problem = ProblemDetails.of(code, code.title());
        problem.setStatus(statusCode.value());
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (problem.getStatus() == 503) {
            // Nothing was accepted: the client should come back, and this says when it is worth trying.
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(problem);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
