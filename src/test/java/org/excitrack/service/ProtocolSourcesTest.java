package org.excitrack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.excitrack.lang.IncludeResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Includes reach the protocol's own folder (or the built-in library) and nothing else. */
class ProtocolSourcesTest {
    private static final String SECTION = "section \"S\" {\n  prompt \"hello\"\n}\n";

    @TempDir
    Path dir;

    @Test
    void includesResolveRelativeToTheIncludingFileInsideTheProtocolsFolder() throws IOException {
        Files.createDirectories(dir.resolve("parts"));
        write("main.exc", "protocol \"P\"\ninclude \"parts/a.exc\"\n");
        write("parts/a.exc", "include \"b.exc\"\n");
        write("parts/b.exc", SECTION);
        ProtocolService.Checked checked = new ProtocolService().check(dir.resolve("main.exc").toString(), Map.of());
        assertThat(checked.diagnostics()).isEmpty();
        assertThat(checked.summary()).contains("prompt: hello");
    }

    @Test
    void nothingOutsideTheFolderCanBeIncluded() throws IOException {
        Files.createDirectories(dir.resolve("protocol"));
        write("secret.exc", SECTION);
        write("protocol/main.exc", "protocol \"P\"\ninclude \"../secret.exc\"\ninclude \"/etc/passwd\"\n"
                + "include \"notes.txt\"\n" + SECTION);
        String diagnostics = new ProtocolService().check(dir.resolve("protocol/main.exc").toString(), Map.of())
                .diagnostics();
        assertThat(diagnostics).contains("cannot include \"../secret.exc\": \"../secret.exc\" is outside the protocol's folder")
                .contains("cannot include \"/etc/passwd\": includes take a relative path inside the protocol's folder")
                .contains("cannot include \"notes.txt\": protocol files end in .exc");
    }

    @Test
    void anIncludeCycleIsReportedNotFollowed() throws IOException {
        write("main.exc", "protocol \"P\"\ninclude \"a.exc\"\n" + SECTION);
        write("a.exc", "include \"b.exc\"\n");
        write("b.exc", "include \"a.exc\"\n");
        assertThat(new ProtocolService().check(dir.resolve("main.exc").toString(), Map.of()).diagnostics())
                .contains("include cycle:").contains("a.exc → ").contains("b.exc → ");
    }

    @Test
    void builtInsIncludeOnlyFromTheLibrary() {
        IncludeResolver library = ProtocolSources.builtInIncludes();
        var from = ProtocolSources.builtIn("TRONDNF");
        assertThat(library.resolve("trondnf/settings.exc", from).text()).contains("sample rate 10 kHz");
        assertThatThrownBy(() -> library.resolve("../../../logback.xml", from))
                .isInstanceOf(IncludeResolver.IncludeException.class).hasMessageContaining("outside");
    }

    @Test
    void aMissingOrBinaryProtocolFileIsAClearUsageError() throws IOException {
        assertThatThrownBy(() -> new ProtocolService().check(dir.resolve("nope.exc").toString(), Map.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no protocol file")
                .hasMessageContaining("TRONDNF");
        Files.write(dir.resolve("binary.exc"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> new ProtocolService().check(dir.resolve("binary.exc").toString(), Map.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is not UTF-8 text");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
