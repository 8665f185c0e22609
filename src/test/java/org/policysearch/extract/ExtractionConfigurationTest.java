package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class ExtractionConfigurationTest {

    /** Stands in for the application's properties scan. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExtractionProperties.class)
    static class Scan {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Scan.class, ExtractionConfiguration.class);

    @Test
    void boundDefaultsMatchTheDefaultsUsedWithoutSpring() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DocumentExtractor.class);
            assertThat(context.getBean(ExtractionProperties.class)).isEqualTo(ExtractionProperties.defaults());
        });
    }

    @Test
    void keysAreBound() {
        runner.withPropertyValues("policy.extract.max-bytes=20MB", "policy.extract.parse-timeout=5s")
                .run(context -> {
                    ExtractionProperties p = context.getBean(ExtractionProperties.class);
                    assertThat(p.maxBytes()).isEqualTo(DataSize.ofMegabytes(20));
                    assertThat(p.parseTimeout()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void invalidLimitStopsTheContext() {
        runner.withPropertyValues("policy.extract.max-chars=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
