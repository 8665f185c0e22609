package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.policysearch.index.PolicyDocument;
import org.policysearch.suggest.SuggestInputs;

/**
 * Title completion through {@code /api/suggest} with Latin input: the service answers it from the completion fields
 * alone (Chinese input also by a search over titles), so a document is found only while its completion inputs are
 * indexed.
 */
final class Completions {

    private Completions() {}

    /** The ids of the titles completed from the start of {@code document}'s title in full pinyin. */
    static List<String> byPinyin(Http http, SuggestInputs inputs, PolicyDocument document) throws Exception {
        String pinyin = inputs.fields(document).title().input().stream()
                .filter(i ->
                        i.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
        String prefix = pinyin.substring(0, Math.min(pinyin.length(), 14));
        Http.Answer a = http.get("/api/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().path("suggestions").findValuesAsText("id");
    }
}
