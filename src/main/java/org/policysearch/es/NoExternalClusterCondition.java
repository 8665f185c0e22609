package org.policysearch.es;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external cluster is configured and the managed node is not switched off. */
class NoExternalClusterCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        boolean external = env.containsProperty("spring.elasticsearch.uris")
                || env.containsProperty("spring.elasticsearch.uris[0]");
        return !external && env.getProperty("policy.elasticsearch.managed.enabled", Boolean.class, true);
    }
}
