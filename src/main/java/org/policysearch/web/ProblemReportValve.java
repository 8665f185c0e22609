package org.policysearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before Spring sees them: a request line or headers over
 * {@code server.max-http-request-header-size}, more than {@code server.tomcat.max-parameter-count} parameters, an
 * encoded slash in the path. Its own report is an HTML page; this answers those with an {@code invalid_request}
 * problem detail like every other error, and never with the cause.
 */
class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final ObjectMapper mapper;

    ProblemReportValve(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Installs the valve in place of Spring Boot's plain one, so runs after Spring Boot's customizer. */
    @Component
    static class Registration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ObjectMapper mapper;

        Registration(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public int getOrder() {
            return 1;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                // By class name: the host adds Tomcat's own report valve at start unless it finds this one.
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                var pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemReportValve(mapper));
            });
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // Only what nothing else answered: Spring's error handling writes its own body.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SEARCH_UNAVAILABLE;
            default -> status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
        var problem =
                ProblemDetails.of(code, code == ErrorCode.INVALID_REQUEST ? INVALID_REQUEST_DETAIL : code.title());
        problem.setStatus(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(mapper.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error report", e);
        }
    }

    static final String INVALID_REQUEST_DETAIL =
            "The request is malformed or over a size limit (URL and headers, number of parameters)";
}
