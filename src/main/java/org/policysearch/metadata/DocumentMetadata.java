package org.policysearch.metadata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Metadata of one document; null when a field was not found, empty lists likewise.
 *
 * @param date publication / signing date; null when only a year is known
 * @param year year of {@code date}, else the year in the title
 * @param source the site or publication the document comes from (e.g. 共产党员网, 中国组织人事报)
 * @param issuingBody 发文机关, several joined with 、
 * @param docNumber 发文字号 in the form {@code 国发〔2020〕3号}
 * @param type document genre (讲话, 通知, 调研报告…), see {@code ingest/metadata/doc-types.yml}
 * @param regions canonical places: provinces by short name (四川), prefectures as in {@code ingest/metadata/regions.tsv}
 *     (百色市, 凉山州); a prefecture brings its province in before it
 * @param topics topics from {@code ingest/metadata/topics.yml}, strongest first
 * @param keywords at most 10, the page's own when it has them
 * @param script {@code traditional} or {@code simplified}
 * @param flags {@code placeholder} (anonymised XX / 20__年), flags passed in by extraction such as {@code mojibake}
 * @param provenance field name to where it came from, e.g. {@code title -> meta:og:title}, {@code date -> text:发布时间}
 */
public record DocumentMetadata(
        String title,
        LocalDate date,
        Integer year,
        String source,
        String author,
        String issuingBody,
        String docNumber,
        String type,
        List<String> regions,
        List<String> topics,
        List<String> keywords,
        String script,
        List<String> flags,
        Map<String, String> provenance) {

    public DocumentMetadata {
        regions = List.copyOf(regions);
        topics = List.copyOf(topics);
        keywords = List.copyOf(keywords);
        flags = List.copyOf(flags);
        provenance = Map.copyOf(provenance);
    }
}
