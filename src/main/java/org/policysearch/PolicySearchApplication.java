package org.policysearch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Full-text search over Chinese policy documents. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PolicySearchApplication {

    public static void main(String[] args) {
        SpringApplication.run(PolicySearchApplication.class, args);
    }
}
