package org.policysearch.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.policysearch.search.Facet;
import org.policysearch.search.FacetValues;
import org.policysearch.search.FacetValuesService;
import org.policysearch.search.SearchController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The "更多" page of one facet without JavaScript: every value, a filter box, and a form back to the search. */
@Controller
class FacetPageController {

    static final int MAX_VALUES = 200;

    private final FacetValuesService facetValues;

    FacetPageController(FacetValuesService facetValues) {
        this.facetValues = facetValues;
    }

    /** A hidden form field carrying the rest of the search state. */
    record Hidden(String name, String value) {}

    @GetMapping("/facets/{facet}")
    String facet(
            @PathVariable String facet,
            @RequestParam(required = false) String prefix,
            @RequestParam MultiValueMap<String, String> request,
            Model model)
            throws IOException {
        Facet f = Facet.byParam(facet)
                .filter(x -> !x.param.equals("year"))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "没有这个分类"));
        PageUrls urls = PageUrls.of(request, SearchPageController.FACETS);
        MultiValueMap<String, String> state = urls.copyWithoutPage();
        String filter = prefix == null ? "" : prefix.strip();
        if (filter.length() > 50) {
            filter = filter.substring(0, 50);
        }
        FacetValues values = facetValues.values(f, SearchController.parse(state), filter, MAX_VALUES);
        List<Hidden> hidden = new ArrayList<>();
        state.forEach((k, vs) -> {
            if (!k.equals(facet)) {
                vs.forEach(v -> hidden.add(new Hidden(k, v)));
            }
        });
        List<Hidden> all = new ArrayList<>();
        state.forEach((k, vs) -> vs.forEach(v -> all.add(new Hidden(k, v))));
        model.addAttribute("param", facet);
        model.addAttribute("label", FacetLabels.of(facet));
        model.addAttribute("values", values.values());
        model.addAttribute("hidden", hidden);
        model.addAttribute("all", all);
        model.addAttribute("prefix", filter);
        model.addAttribute("back", urls.to("/search"));
        return "facet";
    }
}
