package org.policysearch.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
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
        if (request instanceof ServletWebRequest servlet && isPage(servlet) && servlet.getResponse() != null) {
            // A browser on a page address (an unknown one, say) gets the error page, through the container's
            // error dispatch to templates/error.html.
            try {
                headers.forEach((name, values) ->
                        values.forEach(v -> servlet.getResponse().addHeader(name, v)));
                servlet.getResponse().sendError(statusCode.value());
                return null;
            } catch (IOException e) {
                log.debug("Could not send the error page", e);
            }
        }
        // Spring's own problem bodies carry exception-derived detail; replace them with a stable code.
        ErrorCode code = switch (statusCode.value()) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> statusCode.is4xxClientError() ? ErrorCode.INVALID_PARAMETER : ErrorCode.INTERNAL_ERROR;
        };
        String detail =
                ex instanceof HttpMessageNotReadableException ? "The request body could not be read" : code.title();
        ProblemDetail problem = ProblemDetails.of(code, detail);
        problem.setStatus(statusCode.value());
        // The body is a problem detail whatever the client asked for, so a 406 can be answered at all.
        HttpHeaders answer = new HttpHeaders();
        answer.addAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(statusCode).headers(answer).body(problem);
    }

    /** Not an API call, and a browser asking for HTML. */
    private static boolean isPage(ServletWebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !RequestPaths.of(request.getRequest()).startsWith("/api/")
                && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
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
