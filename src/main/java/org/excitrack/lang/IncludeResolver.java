package org.excitrack.lang;

/**
 * Supplies the text of included files. The language itself touches no files: the host decides what an
 * include may reach (a protocol's own folder, the built-in library) and reads it.
 */
@FunctionalInterface
public interface IncludeResolver {
    /**
     * @param path as written in the include statement
     * @param from the file that includes it
     * @throws IncludeException with a sentence for the author when the file cannot or may not be read
     */
    SourceFile resolve(String path, SourceFile from);

    IncludeResolver NONE = (path, from) -> {
        throw new IncludeException("includes are not available here");
    };

    final class IncludeException extends RuntimeException {
        public IncludeException(String message) {
            super(message);
        }
    }
}
