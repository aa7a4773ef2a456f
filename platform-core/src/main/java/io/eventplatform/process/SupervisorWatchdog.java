package io.eventplatform.process;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Shuts the service down when the supervising process is gone (e.g. it was killed with SIGKILL). */
final class SupervisorWatchdog extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(SupervisorWatchdog.class);

    private final long parentPid;
    private final ConfigurableApplicationContext context;

    SupervisorWatchdog(long parentPid, Duration interval, ConfigurableApplicationContext context) {
        super("supervisor-watchdog", interval, interval);
        this.parentPid = parentPid;
        this.context = context;
    }

    @Override
    protected void runOnce() {
        boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            log.warn("Supervisor process {} is gone; shutting down", parentPid);
            stop();
            new Thread(() -> System.exit(SpringApplication.exit(context, () -> 0)), "supervisor-exit").start();
        }
    }
}
