package org.policysearch.extract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the extractor (its properties are bound by the application's properties scan). */
@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

    @Bean(destroyMethod = "close")
    DocumentExtractor documentExtractor(ExtractionProperties properties) {
        return new DocumentExtractor(properties);
    }
}
