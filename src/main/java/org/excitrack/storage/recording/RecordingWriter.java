package org.excitrack.storage.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.Response;
import org.excitrack.model.Sweep;
import org.excitrack.model.TriggerOut;

/**
 * Appends to an open recording. Each call is one transaction, committed (and fsynced) before it returns: once
 * {@link #appendTrial} returns, that trial survives a crash of this process, of the OS, or a power loss.
 *
 * <p>{@link #finish()} marks the recording finished and makes it a single self-contained file; {@link #close()}
 * without finishing marks it 'interrupted' (resumable). Use from one thread (the session's control thread).
 */
public final class RecordingWriter implements AutoCloseable {
    private final Path file;
    private final Connection conn;
    private final Clock clock;
    private OptionalLong lastTrialId;
    private boolean closed;

    private final WriterLock lock;

    RecordingWriter(Path file, Connection conn, Clock clock, OptionalLong lastTrialId, WriterLock lock) {
        this.lock = lock;
        this.file = file;
        this.conn = conn;
        this.clock = clock;
        this.lastTrialId = lastTrialId;
    }

    public Path file() {
        return file;
    }

    /** The highest trial id in the file, if any: a resumed session continues after it. */
    public OptionalLong lastTrialId() {
        return lastTrialId;
    }

    /** Stores a completed trial (trial row, stimulus as delivered, sweep) in one transaction. */
    public void appendTrial(TrialRecord trial) {
        inTransaction("append trial " + trial.trialId(), () -> {
            long id = trial.trialId();
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO trial (trial_id, section, point_label, "
                    + "channel, started_unit_us, host_time_utc, negative_peak_uv, peak_to_peak_uv, latency_us, "
                    + "noise_uv, tracker_state_json, test_stimulus_na) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, trial.section());
                ps.setString(3, trial.pointLabel());
                ps.setInt(4, trial.channel());
                ps.setLong(5, trial.result().startUnitTimeMicros());
                ps.setString(6, trial.hostTime().toString());
                Response r = trial.response();
                setReal(ps, 7, r == null ? null : r.negativePeakMicrovolts());
                setReal(ps, 8, r == null ? null : r.peakToPeakMicrovolts());
                setReal(ps, 9, r == null ? null : r.latencyMicros());
                setReal(ps, 10, r == null ? null : r.baselineNoiseMicrovoltsRms());
                ps.setString(11, trial.trackerStateJson());
                if (trial.testStimulusNanoamps().isPresent()) {
                    ps.setLong(12, trial.testStimulusNanoamps().getAsLong());
                } else {
                    ps.setNull(12, Types.INTEGER);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pulse (trial_id, seq, onset_us, width_us, "
                    + "amplitude_na, polarity) VALUES (?, ?, ?, ?, ?, ?)")) {
                List<Pulse> pulses = trial.result().deliveredPulses();
                for (int i = 0; i < pulses.size(); i++) {
                    Pulse p = pulses.get(i);
                    addStep(ps, id, i, p.onsetMicros(), p.widthMicros(), p.amplitudeNanoamps(),
                            p.polarity().name());
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO polarizing (trial_id, seq, onset_us, "
                    + "duration_us, amplitude_na, polarity) VALUES (?, ?, ?, ?, ?, ?)")) {
                List<PolarizingStep> steps = trial.result().deliveredPolarizing();
                for (int i = 0; i < steps.size(); i++) {
                    PolarizingStep p = steps.get(i);
                    addStep(ps, id, i, p.onsetMicros(), p.durationMicros(), p.amplitudeNanoamps(),
                            p.polarity().name());
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO trigger_out (trial_id, seq, line, "
                    + "onset_us, width_us) VALUES (?, ?, ?, ?, ?)")) {
                List<TriggerOut> triggers = trial.result().deliveredTriggers();
                for (int i = 0; i < triggers.size(); i++) {
                    TriggerOut t = triggers.get(i);
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setInt(3, t.line());
                    ps.setLong(4, t.onsetMicros());
                    ps.setLong(5, t.widthMicros());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Sweep s = trial.result().sweep();
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sweep (trial_id, sample_rate_hz, "
                    + "start_us, channels, nv_per_count, samples) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setInt(2, s.sampleRateHz());
                ps.setLong(3, s.startMicros());
                ps.setInt(4, s.channelCount());
                ps.setInt(5, s.nanovoltsPerCount());
                ps.setBytes(6, littleEndian(s.samples()));
                ps.executeUpdate();
            }
        });
        if (lastTrialId.isEmpty() || trial.trialId() > lastTrialId.getAsLong()) {
            lastTrialId = OptionalLong.of(trial.trialId());
        }
    }

    public void appendEvent(RecordedEvent event) {
        inTransaction("append event", () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO event (time_utc, kind, detail) VALUES (?, ?, ?)")) {
                ps.setString(1, event.time().toString());
                ps.setString(2, event.kind());
                ps.setString(3, event.detail());
                ps.executeUpdate();
            }
        });
    }

    public void appendPrompt(RecordedPrompt prompt) {
        inTransaction("append prompt", () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO prompt (time_utc, text, answer) VALUES (?, ?, ?)")) {
                ps.setString(1, prompt.time().toString());
                ps.setString(2, prompt.text());
                ps.setString(3, prompt.answer());
                ps.executeUpdate();
            }
        });
    }

    /**
     * Stores a threshold with what it was computed from, if given, replacing any earlier one for the same section,
     * point and channel. Its input trials must already be stored.
     */
    public void recordThreshold(ThresholdRecord t) {
        inTransaction("record threshold " + t.section() + "/" + t.point(), () -> {
            ThresholdInputs in = t.inputs().orElse(null);
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO threshold (section, point, "
                    + "channel, value_na, se_na, stimuli, tracker, target_uv, prior_log_log_slope, "
                    + "prior_slope_relative_sd, prior_residual_sd, prior_residual_df, prior_maximal_uv) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.section());
                ps.setString(2, t.point());
                ps.setInt(3, t.channel());
                setReal(ps, 4, t.valueNanoamps());
                setReal(ps, 5, t.standardErrorNanoamps());
                ps.setInt(6, t.stimuli());
                ps.setString(7, in == null ? null : in.tracker());
                setReal(ps, 8, in == null ? null : in.targetMicrovolts());
                setReal(ps, 9, in == null ? null : in.priorLogLogSlope());
                // no slope prior is an infinite uncertainty, stored as NULL
                setReal(ps, 10, in == null || Double.isInfinite(in.priorSlopeRelativeSd()) ? null
                        : in.priorSlopeRelativeSd());
                setReal(ps, 11, in == null ? null : in.priorResidualSd());
                setReal(ps, 12, in == null ? null : in.priorResidualDegreesOfFreedom());
                setReal(ps, 13, in == null ? null : in.priorMaximalResponseMicrovolts());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "DELETE FROM threshold_trial WHERE section = ? AND point = ? AND channel = ?")) {
                ps.setString(1, t.section());
                ps.setString(2, t.point());
                ps.setInt(3, t.channel());
                ps.executeUpdate();
            }
            List<Long> trials = in == null ? List.of() : in.trialIds();
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO threshold_trial (section, point, channel, "
                    + "seq, trial_id) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < trials.size(); i++) {
                    ps.setString(1, t.section());
                    ps.setString(2, t.point());
                    ps.setInt(3, t.channel());
                    ps.setInt(4, i);
                    ps.setLong(5, trials.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The magnetic stimulator of a TMS recording, once, before its first trial. */
    public void recordStimulator(org.excitrack.model.tms.StimulatorIdentity stimulator) {
        inTransaction("record stimulator", () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO stimulator (id, model, serial, "
                    + "software_version, port) VALUES (1, ?, ?, ?, ?)")) {
                ps.setString(1, stimulator.model().name());
                ps.setString(2, stimulator.serialNumber());
                ps.setString(3, stimulator.softwareVersion());
                ps.setString(4, stimulator.port());
                ps.executeUpdate();
            }
        });
    }

    /** The magnetic pulses of a trial already stored, as they were set up. */
    public void appendMagneticPulses(long trialId, List<org.excitrack.model.tms.DeliveredMagneticPulse> pulses) {
        inTransaction("append magnetic pulses of trial " + trialId, () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO magnetic_pulse (trial_id, seq, output, "
                    + "trigger_line, onset_us, intensity_pct_mso) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < pulses.size(); i++) {
                    org.excitrack.model.tms.DeliveredMagneticPulse p = pulses.get(i);
                    ps.setLong(1, trialId);
                    ps.setInt(2, i);
                    ps.setString(3, p.output().name().toLowerCase(java.util.Locale.ROOT));
                    ps.setInt(4, p.triggerLine());
                    ps.setLong(5, p.onsetMicros());
                    ps.setInt(6, p.intensityPercentMso());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The silent period looked for in a trial already stored, replacing any earlier one for that trial. */
    public void recordSilentPeriod(MagneticRecord.SilentPeriod sp) {
        inTransaction("record the silent period of trial " + sp.trialId(), () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO silent_period (trial_id, found, "
                    + "mep_onset_us, suppression_onset_us, suppression_offset_us, reference_uv) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, sp.trialId());
                ps.setInt(2, sp.found() ? 1 : 0);
                setReal(ps, 3, Double.isFinite(sp.mepOnsetMicros()) ? sp.mepOnsetMicros() : null);
                setReal(ps, 4, Double.isFinite(sp.suppressionOnsetMicros()) ? sp.suppressionOnsetMicros() : null);
                setReal(ps, 5, Double.isFinite(sp.suppressionOffsetMicros()) ? sp.suppressionOffsetMicros() : null);
                setReal(ps, 6, Double.isFinite(sp.referenceMicrovolts()) ? sp.referenceMicrovolts() : null);
                ps.executeUpdate();
            }
        });
    }

    /** A magnetic threshold, replacing any earlier one for the same section, point and channel. */
    public void recordMagneticThreshold(MagneticRecord.Threshold t) {
        inTransaction("record magnetic threshold " + t.section() + "/" + t.point() + "/" + t.channel(), () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO magnetic_threshold (section, "
                    + "point, channel, value_pct_mso, se_pct_mso, stimuli, converged) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.section());
                ps.setString(2, t.point());
                ps.setString(3, t.channel());
                setReal(ps, 4, Double.isFinite(t.threshold().percentMso()) ? t.threshold().percentMso() : null);
                setReal(ps, 5, Double.isFinite(t.threshold().standardErrorPercentMso())
                        ? t.threshold().standardErrorPercentMso() : null);
                ps.setInt(6, t.threshold().stimuli());
                ps.setInt(7, t.threshold().converged() ? 1 : 0);
                ps.executeUpdate();
            }
        });
    }

    /** Replaces the stored variables with {@code variables}, in one transaction. */
    public void recordVariables(List<VariableRecord> variables) {
        inTransaction("record variables", () -> {
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("DELETE FROM variable");
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO variable (number, name, value) VALUES (?, ?, ?)")) {
                for (VariableRecord v : variables) {
                    ps.setInt(1, v.number());
                    ps.setString(2, v.name());
                    setReal(ps, 3, v.value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * Marks the recording finished, checkpoints the WAL into the file and switches it to a rollback journal, so the
     * finished recording is one self-contained file (no -wal/-shm) that read-only media can hold. Closes the writer.
     */
    public void finish() {
        inTransaction("finish", () -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE meta SET status = ?, finished_utc = ?")) {
                ps.setString(1, RecordingStatus.FINISHED.sql());
                ps.setString(2, clock.instant().toString());
                ps.executeUpdate();
            }
        });
        try (Statement st = conn.createStatement()) {
            conn.setAutoCommit(true);
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            // the finished status is committed; the WAL is checkpointed on close anyway
            throw failure("finish (checkpoint)", e);
        } finally {
            closeConnection();
        }
    }

    /** Closes the writer; if not finished, marks the recording 'interrupted' so it can be resumed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            inTransaction("mark interrupted", () -> {
                try (PreparedStatement ps = conn.prepareStatement("UPDATE meta SET status = ?")) {
                    ps.setString(1, RecordingStatus.INTERRUPTED.sql());
                    ps.executeUpdate();
                }
            });
        } finally {
            closeConnection();
        }
    }

    private void closeConnection() {
        closed = true;
        try {
            conn.close();
        } catch (SQLException e) {
            throw failure("close", e);
        } finally {
            lock.close();
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(String what, SqlWork work) {
        if (closed) {
            throw new IllegalStateException("recording " + file + " is closed; cannot " + what);
        }
        try {
            work.run();
            conn.commit();
        } catch (SQLException e) {
            try {
                conn.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw failure(what, e);
        }
    }

    private RecordingException failure(String what, SQLException e) {
        return new RecordingException(file, "could not " + what + ": " + e.getMessage(), e);
    }

    private static void addStep(PreparedStatement ps, long trialId, int seq, long onset, long length, long nanoamps,
                                String polarity) throws SQLException {
        ps.setLong(1, trialId);
        ps.setInt(2, seq);
        ps.setLong(3, onset);
        ps.setLong(4, length);
        ps.setLong(5, nanoamps);
        ps.setString(6, polarity.toLowerCase(Locale.ROOT));
        ps.addBatch();
    }

    /** SQLite stores NaN as NULL; the reader turns NULL back into NaN. */
    private static void setReal(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }

    static byte[] littleEndian(short[] samples) {
        ByteBuffer buf = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.asShortBuffer().put(samples);
        return buf.array();
    }
}
