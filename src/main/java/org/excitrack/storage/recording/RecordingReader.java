package org.excitrack.storage.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.Response;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.UnitIdentity;

/**
 * Reads a recording of the current schema (an older file upgraded in memory) back into records, inside one read
 * transaction (a consistent snapshot).
 */
final class RecordingReader {
    private RecordingReader() {
    }

    /** @param fileVersion the schema version of the file as stored, which the recording reports */
    static Recording read(Connection conn, int fileVersion) throws SQLException {
        conn.setAutoCommit(false); // one snapshot even if a writer commits meanwhile
        try (Statement st = conn.createStatement()) {
            Instant created;
            RecordingStatus status;
            Optional<Instant> finished;
            String appVersion;
            try (ResultSet rs = st.executeQuery("SELECT created_utc, application_version, status, finished_utc "
                    + "FROM meta")) {
                rs.next();
                created = Instant.parse(rs.getString(1));
                appVersion = rs.getString(2);
                status = RecordingStatus.fromSql(rs.getString(3));
                finished = Optional.ofNullable(rs.getString(4)).map(Instant::parse);
            }
            SubjectInfo subject;
            try (ResultSet rs = st.executeQuery("SELECT pseudonymous_id, age_years, sex, skin_temperature_c, sites, "
                    + "group_name FROM subject")) {
                rs.next();
                int age = rs.getInt(2);
                Integer ageYears = rs.wasNull() ? null : age;
                double temp = rs.getDouble(4);
                Double skin = rs.wasNull() ? null : temp;
                subject = new SubjectInfo(rs.getString(1), ageYears, rs.getString(3), skin, rs.getString(5),
                        rs.getString(6));
            }
            String operator = singleString(st, "SELECT name FROM operator");
            ProtocolSource protocol;
            try (ResultSet rs = st.executeQuery("SELECT name, source FROM protocol")) {
                rs.next();
                protocol = new ProtocolSource(rs.getString(1), rs.getString(2));
            }
            DeviceInfo device;
            try (ResultSet rs = st.executeQuery(
                    "SELECT model, firmware, serial, protocol_version, settings_json FROM device")) {
                rs.next();
                device = new DeviceInfo(new UnitIdentity(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4)), rs.getString(5));
            }
            RecordingMetadata metadata = new RecordingMetadata(appVersion, subject, operator, protocol, device);
            return new Recording(fileVersion, created, status, finished, metadata, trials(st), events(st), prompts(st),
                    thresholds(st), variables(st), magnetic(st));
        } finally {
            conn.rollback();
        }
    }

    private static MagneticRecord magnetic(Statement st) throws SQLException {
        java.util.Optional<org.excitrack.model.tms.StimulatorIdentity> stimulator = java.util.Optional.empty();
        try (ResultSet rs = st.executeQuery("SELECT model, serial, software_version, port FROM stimulator")) {
            if (rs.next()) {
                stimulator = java.util.Optional.of(new org.excitrack.model.tms.StimulatorIdentity(
                        org.excitrack.model.tms.StimulatorModel.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4)));
            }
        }
        Map<Long, List<org.excitrack.model.tms.DeliveredMagneticPulse>> pulses = new java.util.TreeMap<>();
        try (ResultSet rs = st.executeQuery("SELECT trial_id, output, trigger_line, onset_us, intensity_pct_mso "
                + "FROM magnetic_pulse ORDER BY trial_id, seq")) {
            while (rs.next()) {
                pulses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                        new org.excitrack.model.tms.DeliveredMagneticPulse(org.excitrack.model.tms.MagneticOutput.valueOf(
                                rs.getString(2).toUpperCase(java.util.Locale.ROOT)), rs.getInt(3), rs.getLong(4),
                                rs.getInt(5)));
            }
        }
        List<MagneticRecord.Threshold> thresholds = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT section, point, channel, value_pct_mso, se_pct_mso, stimuli, "
                + "converged FROM magnetic_threshold ORDER BY rowid")) {
            while (rs.next()) {
                thresholds.add(new MagneticRecord.Threshold(rs.getString(1), rs.getString(2), rs.getString(3),
                        new org.excitrack.model.tms.MagneticThreshold(realOrNaN(rs, 4), realOrNaN(rs, 5), rs.getInt(6),
                                rs.getInt(7) != 0)));
            }
        }
        Map<Long, MagneticRecord.SilentPeriod> silentPeriods = new java.util.TreeMap<>();
        try (ResultSet rs = st.executeQuery("SELECT trial_id, found, mep_onset_us, suppression_onset_us, "
                + "suppression_offset_us, reference_uv FROM silent_period ORDER BY trial_id")) {
            while (rs.next()) {
                silentPeriods.put(rs.getLong(1), new MagneticRecord.SilentPeriod(rs.getLong(1), rs.getInt(2) != 0,
                        realOrNaN(rs, 3), realOrNaN(rs, 4), realOrNaN(rs, 5), realOrNaN(rs, 6)));
            }
        }
        return new MagneticRecord(stimulator, pulses, thresholds, silentPeriods);
    }

    private static double realOrNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static String singleString(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<TrialRecord> trials(Statement st) throws SQLException {
        Map<Long, List<Pulse>> pulses = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT trial_id, onset_us, width_us, amplitude_na, polarity "
                + "FROM pulse ORDER BY trial_id, seq")) {
            while (rs.next()) {
                pulses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                        new Pulse(rs.getLong(2), rs.getLong(3), rs.getLong(4), polarity(rs.getString(5))));
            }
        }
        Map<Long, List<PolarizingStep>> polarizing = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT trial_id, onset_us, duration_us, amplitude_na, polarity "
                + "FROM polarizing ORDER BY trial_id, seq")) {
            while (rs.next()) {
                polarizing.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                        new PolarizingStep(rs.getLong(2), rs.getLong(3), rs.getLong(4), polarity(rs.getString(5))));
            }
        }
        Map<Long, List<TriggerOut>> triggers = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT trial_id, line, onset_us, width_us FROM trigger_out "
                + "ORDER BY trial_id, seq")) {
            while (rs.next()) {
                triggers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                        new TriggerOut(rs.getInt(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        List<TrialRecord> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT t.trial_id, t.section, t.point_label, t.channel, "
                + "t.started_unit_us, t.host_time_utc, t.negative_peak_uv, t.peak_to_peak_uv, t.latency_us, "
                + "t.noise_uv, t.tracker_state_json, s.sample_rate_hz, s.start_us, s.channels, s.nv_per_count, "
                + "s.samples, t.test_stimulus_na FROM trial t JOIN sweep s USING (trial_id) ORDER BY t.trial_id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Double[] measures = new Double[4];
                boolean any = false;
                for (int i = 0; i < 4; i++) {
                    double v = rs.getDouble(7 + i);
                    measures[i] = rs.wasNull() ? Double.NaN : v;
                    any |= !rs.wasNull();
                }
                Response response = any ? new Response(measures[0], measures[1], measures[2], measures[3]) : null;
                Sweep sweep = new Sweep(rs.getInt(12), rs.getLong(13), rs.getInt(14), rs.getInt(15),
                        samples(rs.getBytes(16)));
                TrialResult result = new TrialResult(id, rs.getLong(5), pulses.getOrDefault(id, List.of()),
                        polarizing.getOrDefault(id, List.of()), triggers.getOrDefault(id, List.of()), sweep);
                long stimulus = rs.getLong(17);
                OptionalLong testStimulus = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(stimulus);
                out.add(new TrialRecord(result, rs.getString(2), rs.getString(3), rs.getInt(4),
                        Instant.parse(rs.getString(6)), response, rs.getString(11), testStimulus));
            }
        }
        return out;
    }

    private static List<RecordedEvent> events(Statement st) throws SQLException {
        List<RecordedEvent> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT time_utc, kind, detail FROM event ORDER BY event_id")) {
            while (rs.next()) {
                out.add(new RecordedEvent(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private static List<RecordedPrompt> prompts(Statement st) throws SQLException {
        List<RecordedPrompt> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT time_utc, text, answer FROM prompt ORDER BY prompt_id")) {
            while (rs.next()) {
                out.add(new RecordedPrompt(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private static List<ThresholdRecord> thresholds(Statement st) throws SQLException {
        Map<String, List<Long>> trialIds = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT section, point, channel, trial_id FROM threshold_trial "
                + "ORDER BY section, point, channel, seq")) {
            while (rs.next()) {
                trialIds.computeIfAbsent(key(rs.getString(1), rs.getString(2), rs.getInt(3)),
                        k -> new ArrayList<>()).add(rs.getLong(4));
            }
        }
        List<ThresholdRecord> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT section, point, channel, value_na, se_na, stimuli, tracker, "
                + "target_uv, prior_log_log_slope, prior_slope_relative_sd, prior_residual_sd, prior_residual_df, "
                + "prior_maximal_uv FROM threshold ORDER BY section, point, channel")) {
            while (rs.next()) {
                String section = rs.getString(1);
                String point = rs.getString(2);
                int channel = rs.getInt(3);
                String tracker = rs.getString(7);
                Optional<ThresholdInputs> inputs = tracker == null ? Optional.empty() : Optional.of(
                        new ThresholdInputs(tracker, real(rs, 8), real(rs, 9), realOr(rs, 10, Double.POSITIVE_INFINITY),
                                real(rs, 11), real(rs, 12), real(rs, 13),
                                trialIds.getOrDefault(key(section, point, channel), List.of())));
                out.add(new ThresholdRecord(section, point, channel, real(rs, 4), real(rs, 5), rs.getInt(6),
                        inputs));
            }
        }
        return out;
    }

    private static String key(String section, String point, int channel) {
        return section + "\u0000" + point + "\u0000" + channel;
    }

    /** A REAL column; NULL (how NaN is stored) is NaN. */
    private static double real(ResultSet rs, int column) throws SQLException {
        return realOr(rs, column, Double.NaN);
    }

    private static double realOr(ResultSet rs, int column, double ifNull) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? ifNull : v;
    }

    private static List<VariableRecord> variables(Statement st) throws SQLException {
        List<VariableRecord> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT number, name, value FROM variable ORDER BY number")) {
            while (rs.next()) {
                double value = rs.getDouble(3);
                value = rs.wasNull() ? Double.NaN : value;
                out.add(new VariableRecord(rs.getInt(1), rs.getString(2), value));
            }
        }
        return out;
    }

    private static Polarity polarity(String text) {
        return Polarity.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static short[] samples(byte[] blob) {
        short[] out = new short[blob.length / 2];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }
}
