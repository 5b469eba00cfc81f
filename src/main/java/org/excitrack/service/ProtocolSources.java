package org.excitrack.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.excitrack.lang.IncludeResolver;
import org.excitrack.lang.SourceFile;

/**
 * Where protocol text comes from: the built-in library (resources) or a file. Includes are confined to the
 * including protocol's own folder tree (a file) or to the built-in library (a built-in): a protocol can
 * read nothing else.
 */
public final class ProtocolSources {
    static final String LIBRARY = "/org/excitrack/protocols/";
    static final long MAX_FILE_BYTES = 1_000_000;
    /** The built-in protocols, in the order `excitrack protocols` lists them. */
    public static final List<String> BUILT_IN = List.of("TRONDNF", "TRONDNF-SR", "TRONDNF-SD", "TRONDNF-TE",
            "TRONDNF-IV", "TRONDNF-RC", "RMT", "SRF", "T-SICI", "T-SICI-SERIAL", "A-SICI", "T-ICF", "T-SICF", "T-LICI",
            "T-SAI", "CSP");

    private ProtocolSources() {
    }

    public static Optional<String> builtInName(String nameOrPath) {
        return BUILT_IN.stream().filter(n -> n.equalsIgnoreCase(nameOrPath)).findFirst();
    }

    public static SourceFile builtIn(String name) {
        return resource(name + ".exc");
    }

    /** Includes of a built-in resolve inside the library, relative to the including file. */
    public static IncludeResolver builtInIncludes() {
        return (path, from) -> resource(confined(path, parentOf(from.name().replaceFirst("^builtin:", ""))));
    }

    public static SourceFile file(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidRequestException("no protocol file " + path + " and no built-in protocol of that name; "
                    + "built-ins: " + String.join(", ", BUILT_IN), null);
        }
        return read(path, path.toString());
    }

    /** Includes of a file resolve inside the folder of the top-level protocol file, and nowhere else. */
    public static IncludeResolver fileIncludes(Path protocolFile) {
        Path root = protocolFile.toAbsolutePath().normalize().getParent();
        return (path, from) -> {
            String fromRelative = root.relativize(Path.of(from.name()).toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
            String inside = confined(path, parentOf(fromRelative));
            Path target = root.resolve(inside).normalize();
            if (!Files.isRegularFile(target)) {
                throw new IncludeResolver.IncludeException("no file " + target);
            }
            return read(target, root.relativize(target).toString().equals(target.toString()) ? target.toString()
                    : protocolFile.toAbsolutePath().normalize().getParent().resolve(inside).toString());
        };
    }

    /** Joins an include path to its folder, refusing absolute paths and any way out of the root. */
    static String confined(String path, String folder) {
        if (path.isBlank() || path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")
                || path.contains("\0")) {
            throw new IncludeResolver.IncludeException("includes take a relative path inside the protocol's folder");
        }
        Path joined = Path.of(folder.isEmpty() ? "." : folder).resolve(path).normalize();
        String s = joined.toString().replace('\\', '/');
        if (s.startsWith("..") || s.equals(".")) {
            throw new IncludeResolver.IncludeException("\"" + path + "\" is outside the protocol's folder");
        }
        if (!s.toLowerCase(Locale.ROOT).endsWith(".exc")) {
            throw new IncludeResolver.IncludeException("protocol files end in .exc");
        }
        return s;
    }

    private static String parentOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    private static SourceFile resource(String relative) {
        try (InputStream in = ProtocolSources.class.getResourceAsStream(LIBRARY + relative)) {
            if (in == null) {
                throw new IncludeResolver.IncludeException("the built-in library has no " + relative);
            }
            return SourceFile.of("builtin:" + relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IncludeResolver.IncludeException("cannot read built-in " + relative + ": " + e.getMessage());
        }
    }

    private static SourceFile read(Path path, String name) {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new InvalidRequestException(path + " is larger than " + MAX_FILE_BYTES
                        + " bytes; is it a protocol file?", null);
            }
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return SourceFile.of(name, text);
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(path + " is not UTF-8 text; is it a protocol file?", e);
        } catch (IOException e) {
            throw new InvalidRequestException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
