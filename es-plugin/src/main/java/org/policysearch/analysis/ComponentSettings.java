package org.policysearch.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.elasticsearch.common.settings.Settings;

/**
 * Strict access to one analysis component's settings.
 *
 * <p>Elasticsearch's {@code Settings} getters silently ignore keys nobody asks for, so a typo such as
 * {@code "output_unigram"} would quietly fall back to the default. Every factory here therefore
 * declares its parameters up front and rejects anything else with an {@link IllegalArgumentException}.
 */
final class ComponentSettings {

    /**
     * Keys that Elasticsearch itself may put into a component's settings: {@code type} selects the factory and
     * {@code version} is a deprecated no-op it still tolerates. When it instantiates a component by its registered
     * name (no index definition), it passes index-level settings instead ({@code index.version.created}, and for a
     * global {@code _analyze} also {@code index.number_of_shards} etc.), hence the {@code index.} prefix.
     */
    private static final Set<String> FRAMEWORK_KEYS = Set.of("type", "version");
    private static final String INDEX_SETTINGS_PREFIX = "index.";

    private final String component;
    private final Settings settings;

    private ComponentSettings(String component, Settings settings) {
        this.component = component;
        this.settings = settings;
    }

    /** Fails if {@code settings} contains a key that is neither a framework key nor in {@code supported}. */
    static ComponentSettings of(String component, Settings settings, String... supported) {
        List<String> allowed = Arrays.asList(supported);
        Set<String> unknown = new TreeSet<>();
        for (String key : settings.keySet()) {
            if (FRAMEWORK_KEYS.contains(key) == false && key.startsWith(INDEX_SETTINGS_PREFIX) == false && allowed.contains(key) == false) {
                unknown.add(key);
            }
        }
        if (unknown.isEmpty() == false) {
            throw new IllegalArgumentException(
                "Unknown parameters " + unknown + " for analysis component [" + component + "]; supported parameters: "
                    + (allowed.isEmpty() ? "none" : new TreeSet<>(allowed))
            );
        }
        return new ComponentSettings(component, settings);
    }

    String getString(String key, String defaultValue) {
        return settings.get(key, defaultValue);
    }

    List<String> getList(String key) {
        return settings.getAsList(key, null);
    }

    boolean getBoolean(String key, boolean defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        // Only the literal words are accepted, like Elasticsearch's own boolean settings.
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "expected [true] or [false]");
        };
    }

    int getInt(String key, int defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "expected an integer");
        }
    }

    IllegalArgumentException invalid(String key, Object value, String expectation) {
        return new IllegalArgumentException(
            "Invalid value [" + value + "] for parameter [" + key + "] of analysis component [" + component + "]: " + expectation
        );
    }
}
