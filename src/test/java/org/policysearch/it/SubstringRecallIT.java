package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.search.QueryParser;
import org.policysearch.search.QueryTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Generated proof of substring recall: random 2–8 character runs of Han text from random corpus documents, typed as
 * a query (unquoted, as users do), must find their document with the default template, and so must the same run in
 * Traditional script. Reproduce a failure with {@code -Dsubstring.seed=<printed seed>}.
 */
class SubstringRecallIT extends AbstractServiceIT {

    private static final int SAMPLES = 200;
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{2,}");

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexManager indexManager;

    @Test
    void everyRandomSubstringFindsItsDocumentInEitherScript() throws IOException {
        Corpus.ensureIndexed(client, indexManager.alias());
        List<PolicyDocument> docs = Corpus.documents();
        long seed = Long.getLong("substring.seed", System.nanoTime());
        System.out.println("SubstringRecallIT seed: " + seed);
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int samples = 0;
        while (samples < SAMPLES) {
            PolicyDocument doc = docs.get(random.nextInt(docs.size()));
            List<String> runs = new ArrayList<>();
            Matcher m = HAN_RUN.matcher(doc.text());
            while (m.find()) {
                runs.add(m.group());
            }
            if (runs.isEmpty()) {
                continue;
            }
            String run = runs.get(random.nextInt(runs.size()));
            int length = Math.min(run.length(), 2 + random.nextInt(7));
            int start = random.nextInt(run.length() - length + 1);
            String simplified = run.substring(start, start + length);
            String traditional = ZhConverterUtil.toTraditional(simplified);
            samples++;
            if (!finds(simplified, doc.id())) {
                failures.add(doc.id() + " " + simplified);
            }
            if (!finds(traditional, doc.id())) {
                failures.add(doc.id() + " " + traditional + " (Traditional of " + simplified + ")");
            }
        }
        assertThat(failures).as("seed %d", seed).isEmpty();
    }

    private boolean finds(String q, String id) throws IOException {
        Query query = QueryTemplate.DEFAULT.build(QueryParser.parse(q));
        return client.count(c -> c.index(indexManager.alias())
                                .query(b -> b.bool(bool -> bool.must(query).filter(f -> f.ids(i -> i.values(id))))))
                        .count()
                == 1;
    }
}
