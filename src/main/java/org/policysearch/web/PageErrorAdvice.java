package org.policysearch.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages are pages (in Chinese), not the API's problem details. */
@ControllerAdvice(
        assignableTypes = {
            SearchPageController.class,
            FacetPageController.class,
            DocumentPageController.class,
            UploadPageController.class
        })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e) {
        String message = switch (e.code()) {
            case NOT_FOUND -> "找不到这个页面或文档。";
            case INVALID_QUERY -> "无法执行这个检索：检索词过长或过于复杂，请简化后再试。";
            case INVALID_PARAMETER -> "检索条件无效：请检查日期（如 2020-03-06）、页码等条件。";
            default -> "请求无法完成。";
        };
        return page(e.code().status().value(), message);
    }

    @ExceptionHandler({TransportException.class, ElasticsearchException.class, IOException.class})
    ModelAndView engine(Exception e) {
        log.warn("Search engine unavailable for a page", e);
        return page(503, "检索服务暂时不可用，请稍后再试。");
    }

    /** Spring's own refusals keep their status; anything else is logged and shown as a plain 500 page. */
    @ExceptionHandler(Exception.class)
    ModelAndView other(Exception e) {
        if (e instanceof ErrorResponse refusal) {
            int status = refusal.getStatusCode().value();
            return page(status, status == 413 ? "文件过大。" : "请求无法完成。");
        }
        log.error("Unexpected error on a page", e);
        return page(500, "服务暂时出错，请稍后再试。");
    }

    private static ModelAndView page(int status, String message) {
        ModelAndView mv = new ModelAndView("error-page");
        mv.addObject("status", status);
        mv.addObject("message", message);
        mv.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return mv;
    }
}
