package org.excitrack.storage.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure one writer at a time: an exclusive lock on a sidecar file ({@code FILE.lock}), held while a writer
 * is open. The operating system releases it if the process dies, so a crashed recording can still be resumed;
 * readers never take it, so a recording can be analysed while it is written. The sidecar, not the database, is
 * locked because SQLite's own locks on the database file must not be disturbed.
 */
final class WriterLock implements AutoCloseable {
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws RecordingException naming the file when another writer holds it */
    static WriterLock acquire(Path recording) {
        Path lockFile = recording.resolveSibling(recording.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy(recording, channel);
            }
            return new WriterLock(lockFile, channel, lock);
        } catch (OverlappingFileLockException e) {
            throw busy(recording, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new RecordingException(recording, "cannot lock the recording for writing: " + e.getMessage(), e);
        }
    }

    private static RecordingException busy(Path recording, FileChannel channel) {
        closeQuietly(channel);
        return new RecordingException(recording, "is being written by another session; only one writer at a time",
                null);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // an undeleted, unlocked sidecar does no harm: the next writer locks it again
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing for a better reason
            }
        }
    }
}
