package org.policysearch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * Rules of HTML main-content extraction, loaded from {@code ingest/sites/*.yml}; the keys are documented in
 * {@code ingest/sites/default.yml} (global defaults) and {@code ingest/sites/gov-cn.yml} (per-site rules).
 *
 * @param pruneTags tag names removed before scoring
 * @param pruneSelectors CSS selectors removed before scoring
 * @param pruneWords class/id words marking chrome (lower case)
 * @param sectionHeadings first-text patterns of chrome sections (related lists, comments)
 * @param infoLabels labels of the 发布时间/来源/作者 line
 * @param infoLeadLabels labels that make a line an info line on their own when they start it
 * @param infoDate a date; with one label it makes an info line
 * @param boilerplateLines paragraph rules applied to the extracted text
 * @param sites per-site rules, tried in order
 */
public record SiteRules(
        Set<String> pruneTags,
        List<String> pruneSelectors,
        Set<String> pruneWords,
        List<Pattern> sectionHeadings,
        Pattern infoLabels,
        Pattern infoLeadLabels,
        Pattern infoDate,
        List<LineRule> boilerplateLines,
        List<SiteRule> sites) {

    private static final String DEFAULTS = "ingest/sites/default.yml";

    public SiteRules {
        pruneTags = Set.copyOf(pruneTags);
        pruneSelectors = List.copyOf(pruneSelectors);
        pruneWords = Set.copyOf(pruneWords);
        sectionHeadings = List.copyOf(sectionHeadings);
        boilerplateLines = List.copyOf(boilerplateLines);
        sites = List.copyOf(sites);
    }

    /**
     * A paragraph rule: a paragraph of at most {@code maxLength} characters in which {@code pattern} is found is
     * chrome.
     */
    public record LineRule(String id, Pattern pattern, int maxLength) {
        boolean matches(String paragraph) {
            return paragraph.length() <= maxLength && pattern.matcher(paragraph).find();
        }
    }

    /** Rules for the pages of one host: where the body is and what to remove first. */
    public record SiteRule(String id, Pattern hostPattern, String contentSelector, List<String> removeSelectors) {
        public SiteRule {
            removeSelectors = removeSelectors == null ? List.of() : List.copyOf(removeSelectors);
        }
    }

    /** The shipped rules: {@code ingest/sites/default.yml} plus every other {@code ingest/sites/*.yml}. */
    public static SiteRules load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:ingest/sites/*.yml");
            Map<String, Object> defaults = null;
            List<SiteRule> sites = new ArrayList<>();
            for (Resource file : files) {
                Map<String, Object> yaml = read(file);
                if (DEFAULTS.endsWith("/" + file.getFilename())) {
                    defaults = yaml;
                }
                sites.addAll(sites(yaml));
            }
            if (defaults == null) {
                throw new IllegalStateException(DEFAULTS + " is not on the classpath");
            }
            return fromYaml(defaults, sites);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }

    /** The rule for a host, if one applies. */
    Optional<SiteRule> siteFor(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        return sites.stream()
                .filter(s -> s.hostPattern().matcher(host).matches())
                .findFirst();
    }

    /** Copy with other per-site rules (tests, or callers with their own site list). */
    public SiteRules withSites(List<SiteRule> otherSites) {
        return new SiteRules(
                pruneTags,
                pruneSelectors,
                pruneWords,
                sectionHeadings,
                infoLabels,
                infoLeadLabels,
                infoDate,
                boilerplateLines,
                otherSites);
    }

    private static Map<String, Object> read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            Map<String, Object> yaml = new Yaml().load(in);
            return yaml == null ? Map.of() : yaml;
        }
    }

    private static SiteRules fromYaml(Map<String, Object> y, List<SiteRule> sites) {
        List<LineRule> lines = new ArrayList<>();
        for (Map<String, Object> rule : maps(y.get("boilerplateLines"))) {
            lines.add(new LineRule(
                    (String) rule.get("id"),
                    Pattern.compile((String) rule.get("pattern")),
                    ((Number) rule.get("maxLength")).intValue()));
        }
        return new SiteRules(
                Set.copyOf(strings(y.get("pruneTags"))),
                strings(y.get("pruneSelectors")),
                Set.copyOf(strings(y.get("pruneWords"))),
                strings(y.get("sectionHeadings")).stream().map(Pattern::compile).toList(),
                Pattern.compile((String) y.get("infoLabels")),
                Pattern.compile((String) y.get("infoLeadLabels")),
                Pattern.compile((String) y.get("infoDate")),
                lines,
                sites);
    }

    private static List<SiteRule> sites(Map<String, Object> yaml) {
        List<SiteRule> sites = new ArrayList<>();
        for (Map<String, Object> site : maps(yaml.get("sites"))) {
            sites.add(new SiteRule(
                    (String) site.get("id"),
                    Pattern.compile((String) site.get("hostPattern")),
                    (String) site.get("contentSelector"),
                    strings(site.get("removeSelectors"))));
        }
        return sites;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static List<String> strings(Object value) {
        return value == null
                ? List.of()
                : ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
