/**
 * Recordings as SQLite files, one file per recording: {@link org.excitrack.storage.recording.RecordingFile} creates,
 * opens and resumes them. The format (schema version 2) is documented in {@code src/site/markdown/recording-format.md}.
 * Depends only on the JDK, sqlite-jdbc and {@code org.excitrack.model}.
 */
package org.excitrack.storage.recording;
