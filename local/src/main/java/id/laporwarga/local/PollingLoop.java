package id.laporwarga.local;

import java.lang.System.Logger.Level;

/**
 * The thread of a local event source mapping (SQS queue, DynamoDB stream): calls {@link #pollOnce()} until stopped,
 * pauses {@link #idleMillis()} when a poll found nothing, and after a failure (the emulator unreachable) logs it at
 * most every 30 s and pauses {@link #errorPauseMillis()}.
 */
abstract class PollingLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(PollingLoop.class.getName());

    private volatile boolean running = true;
    private volatile Thread thread;
    private long lastErrorLog;

    /** One poll (at most one invocation per shard or queue); true when something was handed to the function. */
    abstract boolean pollOnce();

    /** The pause after a poll that found nothing (0 for a long poll, which waits by itself). */
    abstract long idleMillis();

    abstract long errorPauseMillis();

    /** What is polled, for the failure log line. */
    abstract String polled();

    final boolean running() {
        return running;
    }

    final void start(String threadName) {
        Thread t = new Thread(this, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the loop; {@code interrupt} wakes a pause (not a long poll in flight), then waits up to {@code joinMillis}. */
    final void stop(boolean interrupt, long joinMillis) {
        running = false;
        Thread t = thread;
        if (t != null) {
            if (interrupt) {
                t.interrupt();
            }
            try {
                t.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public final void run() {
        while (running) {
            try {
                if (!pollOnce() && idleMillis() > 0) {
                    sleep(idleMillis());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                long now = System.currentTimeMillis();
                if (now - lastErrorLog > 30_000) {
                    LOG.log(Level.WARNING, "polling " + polled() + " failed (retrying every " + errorPauseMillis()
                            + " ms, logged every 30 s): " + e);
                    lastErrorLog = now;
                }
                sleep(errorPauseMillis());
            }
        }
    }

    /** A pause; an interrupt from {@link #stop} ends it quietly. */
    final void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            if (running) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
