package org.excitrack.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Whether the user asked for details; raises the log level when so. */
public final class Verbosity {
    private static volatile boolean verbose;

    private Verbosity() {
    }

    static void set(boolean on) {
        verbose = on;
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(on ? Level.DEBUG : Level.WARN);
        }
    }

    public static boolean isVerbose() {
        return verbose;
    }
}
