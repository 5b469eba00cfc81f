package org.excitrack.gui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A thread kept free for abort and emergency stop alone. They write to the unit (a short urgent frame), which the
 * FX thread must not do, and they must never queue behind slower work such as opening a recording.
 */
public final class StopLine implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "excitrack-gui-stop");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });

    public void send(Runnable stop) {
        thread.execute(stop);
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
