package io.hearth.monetization.config;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Maps {@code hearth.membership-replica.enabled}, the build property that turns on the platform's
 * MembershipReplicaConsumer. The platform's {@code HearthConfig} owns the {@code hearth} prefix but does not declare
 * it, so without this mapping start-up fails with SRCFG00050 ("does not map to any root"). Remove once HearthConfig
 * declares it.
 */
@ConfigMapping(prefix = "hearth.membership-replica")
@Unremovable
public interface MembershipReplicaConfig {

    @WithDefault("false")
    boolean enabled();
}
