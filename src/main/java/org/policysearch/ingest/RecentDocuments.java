package org.policysearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policysearch.dedup.Candidate;
import org.policysearch.dedup.Fingerprint;
import org.policysearch.index.PolicyDocument;

/**
 * Fingerprints of the documents written most recently. Elasticsearch shows a write to searches only after its next
 * refresh, so two copies ingested within that second would not see each other; the duplicate check also looks here.
 * Not thread-safe: the ingest service holds its duplicate lock around every call.
 */
final class RecentDocuments {

    private final int capacity;
    private final LinkedHashMap<String, Candidate> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> byKey = new HashMap<>();

    RecentDocuments(int capacity) {
        this.capacity = capacity;
    }

    void add(PolicyDocument d) {
        Fingerprint fp = Fingerprint.restore(d.exactHash(), d.minhash(), d.lshBands());
        byId.put(d.id(), new Candidate(d.id(), fp, d.duplicateOf()));
        for (String key : keys(d.exactHash(), d.lshBands())) {
            byKey.computeIfAbsent(key, k -> new HashSet<>()).add(d.id());
        }
        Iterator<Map.Entry<String, Candidate>> oldest = byId.entrySet().iterator();
        while (byId.size() > capacity && oldest.hasNext()) {
            Candidate evicted = oldest.next().getValue();
            oldest.remove();
            for (String key : keys(
                    evicted.fingerprint().exactHash(), evicted.fingerprint().bands())) {
                Set<String> ids = byKey.get(key);
                if (ids != null && ids.remove(evicted.id()) && ids.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
    }

    void remove(String id) {
        Candidate c = byId.remove(id);
        if (c != null) {
            for (String key : keys(c.fingerprint().exactHash(), c.fingerprint().bands())) {
                Set<String> ids = byKey.get(key);
                if (ids != null) {
                    ids.remove(id);
                }
            }
        }
    }

    /** Forgets every document: they were written to an index that is no longer the live one. */
    void clear() {
        byId.clear();
        byKey.clear();
    }

    int size() {
        return byId.size();
    }

    /** Recent documents sharing the exact hash or an LSH band with the given fingerprint. */
    List<Candidate> candidates(String exactHash, List<String> bands) {
        Set<String> ids = new HashSet<>();
        for (String key : keys(exactHash, bands)) {
            ids.addAll(byKey.getOrDefault(key, Set.of()));
        }
        List<Candidate> out = new ArrayList<>();
        ids.forEach(id -> out.add(byId.get(id)));
        return out;
    }

    private static List<String> keys(String exactHash, List<String> bands) {
        List<String> keys = new ArrayList<>(bands.size() + 1);
        keys.add("h:" + exactHash);
        bands.forEach(b -> keys.add("b:" + b));
        return keys;
    }
}
