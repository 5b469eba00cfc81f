package org.excitrack.storage.recording;

/**
 * The {@code meta.status} of a recording.
 *
 * <p>{@link #RECORDING} in a file nobody is writing means the writer died (crash, kill, power loss): every trial it
 * committed is there, and {@link RecordingFile#resume} continues it.
 */
public enum RecordingStatus {
    /** A writer has it open, or died while it had. */
    RECORDING("recording"),
    /** Closed without {@link RecordingWriter#finish()}: aborted by the operator, resumable. */
    INTERRUPTED("interrupted"),
    /** Complete; never opened for writing again. */
    FINISHED("finished");

    private final String sql;

    RecordingStatus(String sql) {
        this.sql = sql;
    }

    /** The text stored in {@code meta.status}. */
    public String sql() {
        return sql;
    }

    static RecordingStatus fromSql(String text) {
        for (RecordingStatus s : values()) {
            if (s.sql.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status '" + text + "' is not recording, interrupted or finished");
    }
}
