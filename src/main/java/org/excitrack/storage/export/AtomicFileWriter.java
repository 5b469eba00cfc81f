package org.excitrack.storage.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either nothing (or the old file) or the whole new file, never a part: the
 * content goes to a temporary file beside the target ({@code .<name>.<random>.tmp}, same directory so the move is
 * a rename on one file system), is forced to disk, and is then moved into place. On any failure the temporary file
 * is deleted and the target is left as it was.
 *
 * <p>Without {@code overwrite}, an existing target is refused ({@link FileAlreadyExistsException}) both before
 * writing and at the move (a plain rename that fails if the target appeared meanwhile, within the limits of the
 * file system). With {@code overwrite}, the move is {@link StandardCopyOption#ATOMIC_MOVE} where the file system
 * supports it, otherwise a replacing move.
 */
public final class AtomicFileWriter {
    /** Writes the content to the stream it is handed; it must not close it. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @throws FileAlreadyExistsException if the target exists and {@code overwrite} is false
     * @throws IOException if writing or moving fails; nothing new is left behind
     */
    public void write(Path target, boolean overwrite, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        boolean moved = false;
        try {
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel))) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (overwrite) {
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.move(temp, absolute);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
