package org.policysearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexManagerTest {

    @Test
    void aRebuildIntoTheSameVersionIsThatVersion() {
        assertThat(IndexManager.isVersionOf("policy-docs-v2", "policy-docs-v2")).isTrue();
        assertThat(IndexManager.isVersionOf("policy-docs-v2-20261122110103", "policy-docs-v2"))
                .isTrue();
    }

    @Test
    void anotherVersionIsNot() {
        assertThat(IndexManager.isVersionOf("policy-docs-v1", "policy-docs-v2")).isFalse();
        assertThat(IndexManager.isVersionOf("policy-docs-v1-20261122110103", "policy-docs-v2"))
                .isFalse();
        assertThat(IndexManager.isVersionOf("policy-docs-v21", "policy-docs-v2"))
                .isFalse();
        assertThat(IndexManager.isVersionOf("policy-docs-v2-old", "policy-docs-v2"))
                .isFalse();
    }
}
