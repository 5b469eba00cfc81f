package org.excitrack.storage.recording;

import java.util.List;

/** The SQL of schema version 1, documented in {@code src/site/markdown/recording-format.md}. */
final class Schema {
    /** The version this code writes and the newest it reads; stored as {@code PRAGMA user_version}. */
    static final int VERSION = 1;

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

    private Schema() {
    }
}
