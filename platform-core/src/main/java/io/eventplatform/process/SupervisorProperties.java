package io.eventplatform.process;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Set by the process that started this service ({@code ./platform run}): its pid, so that the service stops
 * when its supervisor dies instead of living on as an orphan that keeps its port.
 *
 * @param parentPid     the supervisor's pid (env {@code PLATFORM_SUPERVISOR_PARENT_PID}); none = not supervised
 * @param checkInterval how often to look whether the supervisor is still alive
 */
@ConfigurationProperties("platform.supervisor")
public record SupervisorProperties(@Nullable Long parentPid, @DefaultValue("1s") Duration checkInterval) {
}
