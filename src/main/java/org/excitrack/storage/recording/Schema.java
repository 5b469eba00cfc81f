package org.excitrack.storage.recording;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQL of the recording schema, documented in {@code src/site/markdown/recording-format.md}: version 1 as it
 * was released, and each later version as an upgrade from the one before. A new file is made at version 1 and
 * upgraded, so new and upgraded files have the same schema; an older file is upgraded in place when it is resumed,
 * and in a copy in memory when it is read (the file itself is never written by a reader).
 */
final class Schema {
    /** The version this code writes and the newest it reads; stored as {@code PRAGMA user_version}. */
    static final int VERSION = 4;

    /** {@code PRAGMA application_id}: ASCII "ExTk" (0x4578546B), so tools and our reader recognise the file. */
    static final int APPLICATION_ID = 0x4578546B;

    static final List<String> V1 = List.of(
            """
            CREATE TABLE meta (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              schema_version INTEGER NOT NULL,
              created_utc TEXT NOT NULL,
              application_version TEXT NOT NULL,
              status TEXT NOT NULL CHECK (status IN ('recording', 'finished', 'interrupted')),
              finished_utc TEXT)""",
            """
            CREATE TABLE subject (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              pseudonymous_id TEXT NOT NULL,
              age_years INTEGER,
              sex TEXT,
              skin_temperature_c REAL,
              sites TEXT,
              group_name TEXT)""",
            """
            CREATE TABLE operator (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              name TEXT NOT NULL)""",
            """
            CREATE TABLE protocol (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              name TEXT NOT NULL,
              source TEXT NOT NULL,
              sha256 TEXT NOT NULL)""",
            """
            CREATE TABLE device (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              model TEXT NOT NULL,
              serial TEXT NOT NULL,
              firmware TEXT NOT NULL,
              protocol_version INTEGER NOT NULL,
              settings_json TEXT NOT NULL)""",
            """
            CREATE TABLE trial (
              trial_id INTEGER PRIMARY KEY,
              section TEXT NOT NULL,
              point_label TEXT NOT NULL,
              channel INTEGER NOT NULL,
              started_unit_us INTEGER NOT NULL,
              host_time_utc TEXT NOT NULL,
              negative_peak_uv REAL,
              peak_to_peak_uv REAL,
              latency_us REAL,
              noise_uv REAL,
              tracker_state_json TEXT)""",
            """
            CREATE TABLE pulse (
              trial_id INTEGER NOT NULL REFERENCES trial (trial_id),
              seq INTEGER NOT NULL,
              onset_us INTEGER NOT NULL,
              width_us INTEGER NOT NULL,
              amplitude_na INTEGER NOT NULL,
              polarity TEXT NOT NULL CHECK (polarity IN ('cathodal', 'anodal')),
              PRIMARY KEY (trial_id, seq))""",
            """
            CREATE TABLE polarizing (
              trial_id INTEGER NOT NULL REFERENCES trial (trial_id),
              seq INTEGER NOT NULL,
              onset_us INTEGER NOT NULL,
              duration_us INTEGER NOT NULL,
              amplitude_na INTEGER NOT NULL,
              polarity TEXT NOT NULL CHECK (polarity IN ('cathodal', 'anodal')),
              PRIMARY KEY (trial_id, seq))""",
            """
            CREATE TABLE trigger_out (
              trial_id INTEGER NOT NULL REFERENCES trial (trial_id),
              seq INTEGER NOT NULL,
              line INTEGER NOT NULL,
              onset_us INTEGER NOT NULL,
              width_us INTEGER NOT NULL,
              PRIMARY KEY (trial_id, seq))""",
            """
            CREATE TABLE sweep (
              trial_id INTEGER PRIMARY KEY REFERENCES trial (trial_id),
              sample_rate_hz INTEGER NOT NULL,
              start_us INTEGER NOT NULL,
              channels INTEGER NOT NULL,
              nv_per_count INTEGER NOT NULL,
              samples BLOB NOT NULL)""",
            """
            CREATE TABLE event (
              event_id INTEGER PRIMARY KEY,
              time_utc TEXT NOT NULL,
              kind TEXT NOT NULL,
              detail TEXT NOT NULL)""",
            """
            CREATE TABLE prompt (
              prompt_id INTEGER PRIMARY KEY,
              time_utc TEXT NOT NULL,
              text TEXT NOT NULL,
              answer TEXT)""",
            """
            CREATE TABLE threshold (
              section TEXT NOT NULL,
              point TEXT NOT NULL,
              channel INTEGER NOT NULL,
              value_na REAL,
              se_na REAL,
              stimuli INTEGER NOT NULL,
              PRIMARY KEY (section, point, channel))""",
            """
            CREATE TABLE variable (
              number INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              value REAL)""");

    /**
     * 1 → 2: what recomputing a threshold needs. Each trial keeps the test stimulus its tracker recorded; each
     * threshold keeps its estimator, target and curve prior, and {@code threshold_trial} lists the trials it was
     * computed from. Files upgraded from 1 have NULL there: their thresholds stay as stored.
     */
    static final List<String> V1_TO_V2 = List.of(
            "ALTER TABLE trial ADD COLUMN test_stimulus_na INTEGER",
            "ALTER TABLE threshold ADD COLUMN tracker TEXT",
            "ALTER TABLE threshold ADD COLUMN target_uv REAL",
            "ALTER TABLE threshold ADD COLUMN prior_log_log_slope REAL",
            "ALTER TABLE threshold ADD COLUMN prior_slope_relative_sd REAL",
            "ALTER TABLE threshold ADD COLUMN prior_residual_sd REAL",
            "ALTER TABLE threshold ADD COLUMN prior_residual_df REAL",
            "ALTER TABLE threshold ADD COLUMN prior_maximal_uv REAL",
            """
            CREATE TABLE threshold_trial (
              section TEXT NOT NULL,
              point TEXT NOT NULL,
              channel INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              trial_id INTEGER NOT NULL REFERENCES trial (trial_id),
              PRIMARY KEY (section, point, channel, seq))""");

    /** Version 3: magnetic stimulation (TMS): the stimulator, each trial's magnetic pulses, thresholds in %MSO. */
    static final List<String> V2_TO_V3 = List.of(
            """
            CREATE TABLE stimulator (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              model TEXT NOT NULL,
              serial TEXT NOT NULL,
              software_version TEXT NOT NULL,
              port TEXT NOT NULL)""",
            """
            CREATE TABLE magnetic_pulse (
              trial_id INTEGER NOT NULL REFERENCES trial (trial_id),
              seq INTEGER NOT NULL,
              output TEXT NOT NULL CHECK (output IN ('conditioning', 'test')),
              trigger_line INTEGER NOT NULL,
              onset_us INTEGER NOT NULL,
              intensity_pct_mso INTEGER NOT NULL CHECK (intensity_pct_mso BETWEEN 0 AND 100),
              PRIMARY KEY (trial_id, seq))""",
            """
            CREATE TABLE magnetic_threshold (
              section TEXT NOT NULL,
              point TEXT NOT NULL,
              channel TEXT NOT NULL,
              value_pct_mso REAL,
              se_pct_mso REAL,
              stimuli INTEGER NOT NULL,
              converged INTEGER NOT NULL,
              PRIMARY KEY (section, point, channel))""");

    /**
     * 3 → 4: the cortical silent period looked for in each trial given during a held contraction (CSP protocol): one
     * row per such trial, with NULL times when none was found. Files upgraded from 3 have no rows: their trials were
     * all at rest, where there is no silent period to look for.
     */
    static final List<String> V3_TO_V4 = List.of(
            """
            CREATE TABLE silent_period (
              trial_id INTEGER PRIMARY KEY REFERENCES trial (trial_id),
              found INTEGER NOT NULL CHECK (found IN (0, 1)),
              mep_onset_us REAL,
              suppression_onset_us REAL,
              suppression_offset_us REAL,
              reference_uv REAL)""");

    /** The upgrades in order: {@code UPGRADES.get(v - 1)} takes a file from version v to v + 1. */
    private static final List<List<String>> UPGRADES = List.of(V1_TO_V2, V2_TO_V3, V3_TO_V4);

    private Schema() {
    }

    /**
     * Upgrades a database of version {@code from} to {@link #VERSION}, inside the caller's transaction: the
     * upgrades' DDL, then {@code PRAGMA user_version} and {@code meta.schema_version}.
     */
    static void upgrade(Statement st, int from) throws SQLException {
        for (int v = from; v < VERSION; v++) {
            for (String ddl : UPGRADES.get(v - 1)) {
                st.execute(ddl);
            }
        }
        st.execute("PRAGMA user_version = " + VERSION);
        st.executeUpdate("UPDATE meta SET schema_version = " + VERSION);
    }
}
