package org.policysearch.web;

import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search state as URL parameters, and the links that change one part of it. Only known parameters are carried,
 * so a link never repeats junk from the address bar; a change of filters or sort goes back to page 1.
 */
record PageUrls(MultiValueMap<String, String> state) {

    static final List<String> SCALARS = List.of("q", "sort", "from", "to", "includeDuplicates", "size");

    static PageUrls of(MultiValueMap<String, String> request, List<String> facetParams) {
        MultiValueMap<String, String> state = new LinkedMultiValueMap<>();
        for (String name : SCALARS) {
            String v = request.getFirst(name);
            if (v != null && !v.isBlank()) {
                state.add(name, v);
            }
        }
        for (String facet : facetParams) {
            List<String> values = request.get(facet);
            if (values != null) {
                values.stream().filter(v -> !v.isBlank()).distinct().forEach(v -> state.add(facet, v));
            }
        }
        String page = request.getFirst("page");
        if (page != null && !page.isBlank()) {
            state.add("page", page);
        }
        return new PageUrls(state);
    }

    MultiValueMap<String, String> copyWithoutPage() {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
        state.forEach((k, v) -> copy.put(k, new java.util.ArrayList<>(v)));
        copy.remove("page");
        return copy;
    }

    /** The same search with the value ticked if it was not, unticked if it was. */
    String toggle(String param, String value) {
        MultiValueMap<String, String> next = copyWithoutPage();
        List<String> values = next.computeIfAbsent(param, k -> new java.util.ArrayList<>());
        if (!values.remove(value)) {
            values.add(value);
        }
        if (values.isEmpty()) {
            next.remove(param);
        }
        return url("/search", next);
    }

    String with(String param, String value) {
        MultiValueMap<String, String> next = copyWithoutPage();
        if (value == null) {
            next.remove(param);
        } else {
            next.put(param, new java.util.ArrayList<>(List.of(value)));
        }
        return url("/search", next);
    }

    String page(int page) {
        MultiValueMap<String, String> next = copyWithoutPage();
        if (page > 1) {
            next.add("page", String.valueOf(page));
        }
        return url("/search", next);
    }

    String to(String path) {
        return url(path, copyWithoutPage());
    }

    /** The query string (with a leading {@code ?}, or empty) of the state without page, for API calls from JS. */
    String query() {
        String u = url("", copyWithoutPage());
        return u.isEmpty() ? "" : u;
    }

    static String url(String path, Map<String, List<String>> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path.isEmpty() ? "/" : path);
        params.forEach((k, vs) -> vs.forEach(v -> b.queryParam(k, "{" + k + vs.indexOf(v) + "}")));
        Map<String, String> vars = new java.util.HashMap<>();
        params.forEach((k, vs) -> {
            for (int i = 0; i < vs.size(); i++) {
                vars.put(k + i, vs.get(i));
            }
        });
        String built = b.encode().buildAndExpand(vars).toUriString();
        return path.isEmpty() ? built.substring(1) : built;
    }
}
