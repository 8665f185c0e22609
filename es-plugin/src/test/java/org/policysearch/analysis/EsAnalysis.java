package org.policysearch.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.indices.analysis.AnalysisModule;
import org.elasticsearch.plugins.scanners.StablePluginsRegistry;

/**
 * Builds an index's analyzers the way an Elasticsearch node does (AnalysisModule with this plugin, then
 * AnalysisRegistry), without starting a node; the equivalent of Elasticsearch's AnalysisTestsHelper.
 */
final class EsAnalysis {

    static {
        // Elasticsearch's server classes log through its own facade, which a node (or ESTestCase) wires to log4j.
        LogConfigurator.configureESLogging();
    }

    private EsAnalysis() {}

    static IndexSettings indexSettings(Settings analysisSettings) {
        Settings settings = Settings.builder()
            .put(IndexMetadata.SETTING_VERSION_CREATED, IndexVersion.current())
            .put(analysisSettings)
            .build();
        IndexMetadata metadata = IndexMetadata.builder("test").settings(settings).numberOfShards(1).numberOfReplicas(0).build();
        return new IndexSettings(metadata, Settings.EMPTY);
    }

    static Environment environment(Path home) {
        return new Environment(Settings.builder().put(Environment.PATH_HOME_SETTING.getKey(), home.toString()).build(), home.resolve("config"));
    }

    static IndexAnalyzers build(Path home, Settings analysisSettings) throws IOException {
        AnalysisModule module = new AnalysisModule(environment(home), List.of(new PolicyAnalysisPlugin()), new StablePluginsRegistry());
        return module.getAnalysisRegistry().build(IndexCreationContext.CREATE_INDEX, indexSettings(analysisSettings));
    }
}
