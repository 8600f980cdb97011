package io.hearth.activity.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the event reminder scheduler (EventReminders) runs on each instance. */
@ConfigMapping(prefix = "hearth.event-reminders")
public interface EventRemindersConfig {
    /** How often to look for reminders that are due; a reminder goes out at most this late. */
    @WithDefault("30s")
    Duration tick();

    /** Reminders sent per transaction; a tick goes on while batches come back full. */
    @WithDefault("20")
    int batch();
}
