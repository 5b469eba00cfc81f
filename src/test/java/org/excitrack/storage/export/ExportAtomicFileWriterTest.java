package org.excitrack.storage.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves nothing behind and an existing file untouched. */
class ExportAtomicFileWriterTest {
    @TempDir
    Path dir;

    private final AtomicFileWriter writer = new AtomicFileWriter();

    @Test
    void writesTheWholeContent() throws IOException {
        Path target = dir.resolve("out.csv");
        writer.write(target, false, out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("a,b\n");
        assertThat(dir.toFile().list()).containsExactly("out.csv");
    }

    @Test
    void aFailureHalfwayLeavesNoFileAtAll() {
        Path target = dir.resolve("out.csv");
        assertThatThrownBy(() -> writer.write(target, false, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aRuntimeFailureHalfwayLeavesTheOldFileAsItWas() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old");
        assertThatThrownBy(() -> writer.write(target, true, out -> {
            out.write("new, half".getBytes(StandardCharsets.UTF_8));
            throw new IllegalArgumentException("value is infinite");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(dir.toFile().list()).containsExactly("out.csv");
    }

    @Test
    void anExistingFileIsKeptWithoutOverwriteAndReplacedWithIt() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old");
        assertThatThrownBy(() -> writer.write(target, false, out -> out.write(1)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        writer.write(target, true, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(dir.toFile().list()).containsExactly("out.csv");
    }
}
