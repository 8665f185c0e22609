package org.policysearch;

import java.util.List;
import org.policysearch.ingest.IngestCommand;
import org.policysearch.ingest.RebuildCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Full-text search over Chinese policy documents. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PolicySearchApplication {

    /**
     * Runs the service; {@code ingest DIR} instead uploads a directory to a running service (see
     * {@link IngestCommand}), {@code rebuild} has a running service rebuild its index (see {@link RebuildCommand}).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("ingest")) {
            System.exit(IngestCommand.run(List.of(args).subList(1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.exit(RebuildCommand.run(List.of(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(PolicySearchApplication.class, args);
    }
}
