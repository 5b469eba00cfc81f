package org.excitrack.storage.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;

/**
 * One recording, one SQLite file (schema in {@code src/site/markdown/recording-format.md}).
 *
 * <ul>
 *   <li>{@link #create} makes a new file, owner read/write only (0600 where the file system is POSIX), and refuses
 *       one that exists: recordings are never overwritten.</li>
 *   <li>{@link #open} reads a whole recording back as records, without writing to it; a file of an older schema is
 *       read through an upgraded copy in memory.</li>
 *   <li>{@link #resume} continues a recording whose writer died or was closed without finishing; a file of an
 *       older schema is upgraded in place first (and says so in an event).</li>
 * </ul>
 *
 * <p>Every refusal ({@link RecordingFormatException}) is decided from a read-only look at the file, so a refused file
 * is left byte for byte as it was.
 */
public final class RecordingFile {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private RecordingFile() {
    }

    /** Creates a new recording at {@code file}, stamped with the system UTC clock. */
    public static RecordingWriter create(Path file, RecordingMetadata metadata) {
        return create(file, metadata, Clock.systemUTC());
    }

    /**
     * Creates a new recording at {@code file} with status 'recording'.
     *
     * @throws RecordingFormatException if {@code file} exists ("… exists; recordings are never overwritten")
     * @throws RecordingException if the file cannot be created or written; a partly created file is removed
     */
    public static RecordingWriter create(Path file, RecordingMetadata metadata, Clock clock) {
        createOwnerOnly(file);
        Connection conn = null;
        WriterLock lock = null;
        try {
            lock = WriterLock.acquire(file);
            conn = connect(file, false);
            try (Statement st = conn.createStatement()) {
                st.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                for (String ddl : Schema.V1) {
                    st.execute(ddl);
                }
                Schema.upgrade(st, 1);
            }
            insertMetadata(conn, metadata, clock);
            conn.commit();
            return new RecordingWriter(file, conn, clock, OptionalLong.empty(), lock);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(conn);
            if (lock != null) {
                lock.close();
            }
            deleteQuietly(file);
            if (e instanceof RecordingException re) {
                throw re;
            }
            throw new RecordingException(file, "could not create recording: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the whole recording. The file is opened read-only; a recording still being written (or whose writer
     * died) reads as every trial committed so far, with status {@link RecordingStatus#RECORDING}.
     *
     * @throws RecordingFormatException if the file is missing, not SQLite, not ours, or of a newer schema
     */
    public static Recording open(Path file) {
        int version = inspect(file).version();
        try (Connection conn = version < Schema.VERSION ? upgradedCopy(file, version) : connect(file, true)) {
            return RecordingReader.read(conn, version);
        } catch (SQLException e) {
            throw new RecordingException(file, "could not read recording: " + e.getMessage(), e);
        }
    }

    /**
     * An in-memory copy of an older file (SQLite's online backup, a consistent snapshot even while a writer
     * commits), upgraded to the current schema, so one reader serves every version and the file is not touched.
     */
    private static Connection upgradedCopy(Path file, int version) throws SQLException {
        Connection copy = DriverManager.getConnection("jdbc:sqlite::memory:");
        try {
            int rc = copy.unwrap(SQLiteConnection.class).getDatabase().restore("main",
                    file.toAbsolutePath().toString(), null);
            if (rc != SQLiteErrorCode.SQLITE_OK.code) {
                throw new SQLException("copying schema-" + version + " file into memory failed with SQLite code "
                        + rc);
            }
            copy.setAutoCommit(false);
            try (Statement st = copy.createStatement()) {
                Schema.upgrade(st, version);
            }
            copy.commit();
            return copy;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(copy);
            throw e;
        }
    }

    /**
     * Continues a recording with status 'recording' (its writer died) or 'interrupted'. Marks it 'recording' and
     * logs a "resume" event; {@link RecordingWriter#lastTrialId()} tells the session where to continue.
     *
     * @throws RecordingFormatException as {@link #open}, or if the recording is finished
     */
    public static RecordingWriter resume(Path file) {
        return resume(file, Clock.systemUTC());
    }

    /** {@link #resume(Path)} with the given clock for the resume event. */
    public static RecordingWriter resume(Path file, Clock clock) {
        Inspection inspected = inspect(file);
        RecordingStatus status = inspected.status();
        if (status == RecordingStatus.FINISHED) {
            throw new RecordingFormatException(file,
                    "is finished; a finished recording is never opened for writing");
        }
        Connection conn = null;
        WriterLock lock = WriterLock.acquire(file);
        try {
            conn = connect(file, false);
            if (inspected.version() < Schema.VERSION) {
                try (Statement st = conn.createStatement()) {
                    Schema.upgrade(st, inspected.version());
                }
            }
            OptionalLong last;
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT max(trial_id) FROM trial")) {
                long max = rs.getLong(1);
                last = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(max);
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE meta SET status = ?")) {
                ps.setString(1, RecordingStatus.RECORDING.sql());
                ps.executeUpdate();
            }
            RecordingWriter writer = new RecordingWriter(file, conn, clock, last, lock);
            conn.commit();
            if (inspected.version() < Schema.VERSION) {
                writer.appendEvent(new RecordedEvent(clock.instant(), "schema", "upgraded from schema "
                        + inspected.version() + " to " + Schema.VERSION));
            }
            writer.appendEvent(new RecordedEvent(clock.instant(), "resume", "status was " + status.sql()
                    + "; last trial " + (last.isPresent() ? Long.toString(last.getAsLong()) : "none")));
            return writer;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(conn);
            lock.close();
            if (e instanceof RecordingException re) {
                throw re;
            }
            throw new RecordingException(file, "could not resume recording: " + e.getMessage(), e);
        }
    }

    /** What a read-only look at a file found: its status and schema version. */
    private record Inspection(RecordingStatus status, int version) {
    }

    /** Checks, read-only, that {@code file} is a recording this version can read; returns its status and version. */
    private static Inspection inspect(Path file) {
        byte[] header = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(header, 0, header.length);
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file, "does not exist");
        } catch (IOException e) {
            throw new RecordingException(file, "could not read: " + e.getMessage(), e);
        }
        if (n < header.length || !Arrays.equals(header, SQLITE_MAGIC)) {
            throw notSqlite(file);
        }
        try (Connection conn = connect(file, true); Statement st = conn.createStatement()) {
            int appId = intPragma(st, "application_id");
            if (appId != Schema.APPLICATION_ID) {
                throw new RecordingFormatException(file, String.format(Locale.ROOT,
                        "is not an Excitrack recording: a SQLite database with application_id 0x%08X "
                                + "(Excitrack recordings have 0x%08X)", appId, Schema.APPLICATION_ID));
            }
            int version = intPragma(st, "user_version");
            if (version > Schema.VERSION) {
                throw new RecordingFormatException(file, "was written by a newer Excitrack (schema " + version
                        + "); this version reads schema " + Schema.VERSION);
            }
            if (version < 1) {
                throw new RecordingFormatException(file, "has schema version " + version
                        + "; Excitrack recordings start at schema 1");
            }
            try (ResultSet rs = st.executeQuery("SELECT status FROM meta")) {
                if (!rs.next()) {
                    throw new RecordingFormatException(file, "is damaged: its meta table is empty");
                }
                return new Inspection(RecordingStatus.fromSql(rs.getString(1)), version);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw notSqlite(file);
            }
            throw new RecordingException(file, "could not read: " + e.getMessage(), e);
        }
    }

    private static RecordingFormatException notSqlite(Path file) {
        return new RecordingFormatException(file, "is not an Excitrack recording: not a SQLite database");
    }

    private static int intPragma(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Opens a connection. Writers use WAL (a committed trial is in the file before {@code commit} returns, and a
     * kill at any point leaves the last commit intact) with {@code synchronous=FULL}: in WAL mode NORMAL may lose the
     * last commits on power loss or an OS crash, FULL fsyncs the WAL at every commit, so a completed trial survives
     * those too, at one fsync per trial (a few ms, far below the time between trials).
     */
    static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5_000);
        }
        Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                config.toProperties());
        if (!readOnly) {
            conn.setAutoCommit(false);
        }
        return conn;
    }

    private static void createOwnerOnly(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new RecordingFormatException(file, "exists; recordings are never overwritten");
        } catch (IOException e) {
            throw new RecordingException(file, "could not create: " + e.getMessage(), e);
        }
    }

    private static void insertMetadata(Connection conn, RecordingMetadata m, Clock clock) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO meta (id, schema_version, created_utc, "
                + "application_version, status, finished_utc) VALUES (1, ?, ?, ?, ?, NULL)")) {
            ps.setInt(1, Schema.VERSION);
            ps.setString(2, clock.instant().toString());
            ps.setString(3, m.applicationVersion());
            ps.setString(4, RecordingStatus.RECORDING.sql());
            ps.executeUpdate();
        }
        SubjectInfo s = m.subject();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO subject (id, pseudonymous_id, age_years, sex, "
                + "skin_temperature_c, sites, group_name) VALUES (1, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.pseudonymousId());
            ps.setObject(2, s.ageYears());
            ps.setString(3, s.sex());
            ps.setObject(4, s.skinTemperatureCelsius());
            ps.setString(5, s.sites());
            ps.setString(6, s.group());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO operator (id, name) VALUES (1, ?)")) {
            ps.setString(1, m.operator());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO protocol (id, name, source, sha256) VALUES (1, ?, ?, ?)")) {
            ps.setString(1, m.protocol().name());
            ps.setString(2, m.protocol().sourceText());
            ps.setString(3, m.protocol().sha256());
            ps.executeUpdate();
        }
        DeviceInfo d = m.device();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO device (id, model, serial, firmware, "
                + "protocol_version, settings_json) VALUES (1, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.identity().model());
            ps.setString(2, d.identity().serialNumber());
            ps.setString(3, d.identity().firmwareVersion());
            ps.setInt(4, d.identity().protocolVersion());
            ps.setString(5, d.settingsJson());
            ps.executeUpdate();
        }
    }

    static void closeQuietly(Connection conn) {
        if (conn == null) {
            return;
        }
        try {
            conn.close();
        } catch (SQLException e) {
            // the original failure is what the caller needs to see
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // best effort: the file was created by this call and is useless half-made
            }
        }
    }
}
