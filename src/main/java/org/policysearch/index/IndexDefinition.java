package org.policysearch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings and mappings of the document index, from {@code elasticsearch/policy-docs.json}, with the cluster-
 * specific parts (shards, replicas, synonym rules) filled in. A mapping change bumps {@code _meta.version} and
 * so makes a new physical index.
 */
final class IndexDefinition {

    private static final String RESOURCE = "elasticsearch/policy-docs.json";
    private static final String SYNONYMS = "ingest/synonyms.txt";

    private final ObjectNode json;
    private final int version;
    private final String alias;

    IndexDefinition(IndexProperties properties, ObjectMapper mapper) {
        this.alias = properties.alias();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            json = (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        version = json.at("/mappings/_meta/version").asInt(0);
        if (version < 1) {
            throw new IllegalStateException(RESOURCE + " lacks mappings._meta.version");
        }
        ObjectNode index = (ObjectNode) json.at("/settings/index");
        index.put("number_of_shards", properties.shards());
        index.put("number_of_replicas", properties.replicas());
        ArrayNode rules = ((ObjectNode) json.at("/settings/analysis/filter/policy_synonyms")).putArray("synonyms");
        synonymRules(properties).forEach(rules::add);
    }

    int version() {
        return version;
    }

    String alias() {
        return alias;
    }

    String physicalName() {
        return physicalName(version);
    }

    String physicalName(int v) {
        return alias + "-v" + v;
    }

    /** The create-index body (settings + mappings) as JSON. */
    String body() {
        return json.toString();
    }

    JsonNode mappings() {
        return json.get("mappings");
    }

    private static List<String> synonymRules(IndexProperties properties) {
        try {
            String text = properties.synonyms() != null
                    ? Files.readString(properties.synonyms(), StandardCharsets.UTF_8)
                    : new ClassPathResource(SYNONYMS).getContentAsString(StandardCharsets.UTF_8);
            return text.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read synonym rules", e);
        }
    }
}
