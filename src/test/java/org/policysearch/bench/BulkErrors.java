package org.policysearch.bench;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A benchmark's bulk listener: counts the documents Elasticsearch refused or never answered for (an item error, or
 * every operation of a failed request) and prints the first few reasons, so a load that lost documents says why.
 */
public final class BulkErrors implements BulkListener<Void> {

    private static final int PRINTED = 5;

    private final AtomicInteger errors = new AtomicInteger();

    public int count() {
        return errors.get();
    }

    @Override
    public void beforeBulk(long id, BulkRequest request, List<Void> contexts) {}

    @Override
    public void afterBulk(long id, BulkRequest request, List<Void> contexts, BulkResponse response) {
        response.items().stream().filter(i -> i.error() != null).forEach(i -> {
            if (errors.incrementAndGet() <= PRINTED) {
                System.out.println("bulk item error: " + i.error().reason());
            }
        });
    }

    @Override
    public void afterBulk(long id, BulkRequest request, List<Void> contexts, Throwable failure) {
        if (errors.getAndAdd(request.operations().size()) < PRINTED) {
            System.out.println("bulk request failed: " + failure);
        }
    }
}
