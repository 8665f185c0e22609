package org.policysearch.web;

import java.util.ArrayList;
import java.util.List;
import org.policysearch.search.SearchController;

/** Page links around the current page; never past the deepest page the search API serves. */
final class Pagination {

    private static final int AROUND = 2;

    private Pagination() {}

    static SearchPage.Pagination of(int current, int size, long total, PageUrls urls) {
        int last = (int) Math.min((total + size - 1) / size, SearchController.MAX_WINDOW / size);
        if (last <= 1) {
            return new SearchPage.Pagination(null, List.of(), null, current, Math.max(last, 1));
        }
        List<SearchPage.Link> pages = new ArrayList<>();
        int from = Math.max(1, current - AROUND);
        int to = Math.min(last, current + AROUND);
        if (from > 1) {
            pages.add(new SearchPage.Link("1", urls.page(1), false));
        }
        for (int p = from; p <= to; p++) {
            pages.add(new SearchPage.Link(String.valueOf(p), urls.page(p), p == current));
        }
        if (to < last) {
            pages.add(new SearchPage.Link(String.valueOf(last), urls.page(last), false));
        }
        return new SearchPage.Pagination(
                current > 1 ? new SearchPage.Link("上一页", urls.page(current - 1), false) : null,
                pages,
                current < last ? new SearchPage.Link("下一页", urls.page(current + 1), false) : null,
                current,
                last);
    }
}
