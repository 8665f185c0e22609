package org.policysearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchJournalTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path root;

    private static BatchJob.FileOutcome ingested(String file) {
        return new BatchJob.FileOutcome(file, BatchJob.Result.INGESTED, "id-" + file, null, null, null);
    }

    @Test
    void anUnfinishedJobComesBackWithItsFinalOutcomesOnly() throws Exception {
        BatchJournal.Job job = new BatchJournal.Job("j1", "/srv/in", "2026-01-01T00:00:00Z", List.of("a", "b", "c"));
        BatchJournal journal = BatchJournal.create(root, job, mapper);
        journal.append(List.of(ingested("a")));
        journal.close();
        // The process died in the middle of writing b's line: b was never reported, so it is pending.
        Files.writeString(
                root.resolve("j1/outcomes.jsonl"),
                "{\"file\":\"b\",\"res",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        BatchJournal.Loaded loaded = BatchJournal.loadAll(root, mapper).get(0);
        assertThat(loaded.job()).isEqualTo(job);
        assertThat(loaded.outcomes()).containsExactly(ingested("a"));
        assertThat(loaded.finish()).isNull();

        // Resumed: appending after the cut line starts a fresh line, so nothing is glued to the fragment.
        loaded.journal().append(List.of(ingested("b"), ingested("c")));
        loaded.journal().finish(new BatchJournal.Finish(BatchJob.State.DONE, "2026-01-01T00:01:00Z", null));

        BatchJournal.Loaded again = BatchJournal.loadAll(root, mapper).get(0);
        assertThat(again.outcomes()).containsExactly(ingested("a"), ingested("b"), ingested("c"));
        assertThat(again.finish().state()).isEqualTo(BatchJob.State.DONE);
    }

    @Test
    void journalsLoadOldestFirstAndCanBeDeleted() throws Exception {
        BatchJournal.create(root, new BatchJournal.Job("late", "/d", "2026-01-02T00:00:00Z", List.of()), mapper);
        BatchJournal early = BatchJournal.create(
                root, new BatchJournal.Job("early", "/d", "2026-01-01T00:00:00Z", List.of("x")), mapper);
        Files.createDirectories(root.resolve("never-accepted"));

        assertThat(BatchJournal.loadAll(root, mapper).stream()
                        .map(l -> l.job().id())
                        .toList())
                .containsExactly("early", "late");

        early.delete();
        assertThat(root.resolve("early")).doesNotExist();
        assertThat(BatchJournal.loadAll(root, mapper)).hasSize(1);
    }
}
