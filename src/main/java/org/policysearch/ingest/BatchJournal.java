package org.policysearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch job on disk, {@code <data-dir>/batches/<id>/}: {@code job.json} (directory, the files to ingest,
 * start time) written before the job is accepted; {@code outcomes.jsonl}, one line per file once its outcome is
 * final (Elasticsearch acknowledged its bulk item, or it was refused or failed for good), fsynced before the
 * outcomes are reported; {@code finished.json} once every file has one. A file without a line is still pending:
 * with the deterministic ids, re-running it after a crash is safe, so this is the durable queue of the batch path.
 */
final class BatchJournal {

    private static final Logger log = LoggerFactory.getLogger(BatchJournal.class);
    private static final String JOB = "job.json";
    private static final String OUTCOMES = "outcomes.jsonl";
    private static final String FINISHED = "finished.json";

    /** What the job was asked to do; {@code files} are relative to {@code directory}, in processing order. */
    record Job(String id, String directory, String startedAt, List<String> files) {}

    /** How the job ended. */
    record Finish(BatchJob.State state, String finishedAt, String error) {}

    /** A journal read back at startup. */
    record Loaded(BatchJournal journal, Job job, List<BatchJob.FileOutcome> outcomes, Finish finish) {}

    private final Path dir;
    private final ObjectMapper mapper;
    private FileChannel outcomes;

    private BatchJournal(Path dir, ObjectMapper mapper) {
        this.dir = dir;
        this.mapper = mapper;
    }

    /** Writes the job durably; only then may it be accepted. */
    static BatchJournal create(Path root, Job job, ObjectMapper mapper) throws IOException {
        Path dir = root.resolve(job.id());
        Files.createDirectories(dir);
        BatchJournal journal = new BatchJournal(dir, mapper);
        journal.writeDurably(JOB, mapper.writeValueAsBytes(job));
        return journal;
    }

    /** Every journal under {@code root}, oldest first; unreadable ones are logged and skipped. */
    static List<Loaded> loadAll(Path root, ObjectMapper mapper) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Loaded> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                load(dir, mapper).ifPresent(all::add);
            }
        }
        all.sort(Comparator.comparing((Loaded l) -> l.job().startedAt())
                .thenComparing(l -> l.job().id()));
        return all;
    }

    private static Optional<Loaded> load(Path dir, ObjectMapper mapper) {
        Path jobFile = dir.resolve(JOB);
        if (!Files.exists(jobFile)) {
            return Optional.empty(); // a crash between mkdir and the job's write: never accepted
        }
        try {
            Job job = mapper.readValue(jobFile.toFile(), Job.class);
            List<BatchJob.FileOutcome> outcomes = new ArrayList<>();
            Path log = dir.resolve(OUTCOMES);
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    try {
                        if (!line.isBlank()) {
                            outcomes.add(mapper.readValue(line, BatchJob.FileOutcome.class));
                        }
                    } catch (JsonProcessingException cut) {
                        // A line cut by a crash was never reported: its file is still pending.
                    }
                }
            }
            Path finished = dir.resolve(FINISHED);
            Finish finish = Files.exists(finished) ? mapper.readValue(finished.toFile(), Finish.class) : null;
            return Optional.of(new Loaded(new BatchJournal(dir, mapper), job, outcomes, finish));
        } catch (IOException e) {
            log.warn("Batch journal {} cannot be read; it is ignored", dir, e);
            return Optional.empty();
        }
    }

    /** Appends final outcomes and forces them to disk before returning. */
    synchronized void append(List<BatchJob.FileOutcome> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (outcomes == null) {
            outcomes = FileChannel.open(
                    dir.resolve(OUTCOMES),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            // A line cut by a crash would glue itself to the next one: start on a fresh line.
            if (outcomes.size() > 0) {
                outcomes.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (BatchJob.FileOutcome outcome : batch) {
            lines.write(mapper.writeValueAsBytes(outcome));
            lines.write('\n');
        }
        ByteBuffer buffer = ByteBuffer.wrap(lines.toByteArray());
        while (buffer.hasRemaining()) {
            outcomes.write(buffer);
        }
        outcomes.force(false);
    }

    /** Marks the job finished; a journal without this mark is resumed at the next start. */
    synchronized void finish(Finish finish) throws IOException {
        close();
        writeDurably(FINISHED, mapper.writeValueAsBytes(finish));
    }

    synchronized void close() throws IOException {
        if (outcomes != null) {
            outcomes.close();
            outcomes = null;
        }
    }

    /** Removes the journal (retention). */
    synchronized void delete() throws IOException {
        close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private void writeDurably(String name, byte[] bytes) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel parent = FileChannel.open(dir, StandardOpenOption.READ)) {
            parent.force(true); // the rename itself must survive a power cut
        } catch (IOException e) {
            // Some filesystems cannot open a directory for fsync; the rename is still atomic.
        }
    }
}
