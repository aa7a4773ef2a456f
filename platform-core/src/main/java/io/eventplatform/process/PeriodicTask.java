package io.eventplatform.process;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/** Work that runs every so often on a daemon thread of its own, from context start to context stop. */
public abstract class PeriodicTask implements SmartLifecycle {

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private volatile @Nullable ScheduledExecutorService scheduler;

    protected PeriodicTask(String name, Duration initialDelay, Duration interval) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    /** One run; an exception is the task's own to handle (an escaping one would end the schedule). */
    protected abstract void runOnce();

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        ScheduledExecutorService executor = scheduler;
        return executor != null && !executor.isShutdown();
    }
}
