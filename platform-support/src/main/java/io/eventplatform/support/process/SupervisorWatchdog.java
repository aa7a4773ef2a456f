package io.eventplatform.support.process;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/** Shuts the service down when the supervising process is gone (e.g. it was killed with SIGKILL). */
final class SupervisorWatchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SupervisorWatchdog.class);

    private final long parentPid;
    private final long intervalMillis;
    private final ConfigurableApplicationContext context;
    private ScheduledExecutorService scheduler;

    SupervisorWatchdog(long parentPid, long intervalMillis, ConfigurableApplicationContext context) {
        this.parentPid = parentPid;
        this.intervalMillis = intervalMillis;
        this.context = context;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "supervisor-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void check() {
        boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            log.warn("Supervisor process {} is gone; shutting down", parentPid);
            scheduler.shutdown();
            new Thread(() -> System.exit(SpringApplication.exit(context, () -> 0)), "supervisor-exit").start();
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
