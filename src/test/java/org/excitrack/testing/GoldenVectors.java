package org.excitrack.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.excitrack.codec.Command;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.Event;
import org.excitrack.codec.Message;
import org.excitrack.codec.MessageCodec;
import org.excitrack.codec.MessageType;
import org.excitrack.codec.ProtocolException;
import org.excitrack.codec.Reply;
import org.excitrack.codec.UnsupportedVersionException;
import org.excitrack.framing.CorruptedFrameException;
import org.excitrack.framing.FrameDecoder;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FrameTooLongException;
import org.excitrack.framing.FramingException;

/**
 * The golden vectors of {@code firmware-protocol/vectors/} (format: that folder's README.md), shared by the
 * codec tests and the simulator's tests so that both sides are held to the same bytes.
 *
 * <p>The files are the truth. Nothing here writes them; {@code org.excitrack.codec.VectorGenerator} made them
 * once and they were checked by hand.
 */
public final class GoldenVectors {
    /** Where the vectors live, relative to the project's base directory. */
    public static final String FOLDER = "firmware-protocol/vectors";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            // records without components (ACK, DISARM, …) serialise as {}
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private GoldenVectors() {
    }

    /** The mapper that defines the vectors' "message" form: records by component, Optional.empty() as null. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The vectors folder: {@value #FOLDER} under Maven's {@code basedir}, else under the working directory. */
    public static Path directory() {
        String base = System.getProperty("basedir");
        Path start = Paths.get(base != null ? base : System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve(FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + FOLDER + " folder at or above " + start);
    }

    /** Every vector, sorted by file name. */
    public static List<Vector> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(GoldenVectors::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Vector named(String name) {
        return load(directory().resolve(name + ".json"));
    }

    /** Reads one vector file. */
    public static Vector load(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden vector " + file, e);
        }
        String where = "golden vector " + file.getFileName();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonNode generate = root.get("generate");
        if (generate != null) {
            byte[] unit = Hex.parse(required(generate, "repeat", where).asText(), where);
            int count = required(generate, "count", where).asInt();
            for (int i = 0; i < count; i++) {
                bytes.writeBytes(unit);
            }
        }
        bytes.writeBytes(Hex.parse(required(root, "hex", where).asText(), where));
        List<Expected> expect = new ArrayList<>();
        for (JsonNode e : required(root, "expect", where)) {
            expect.add(Expected.of(e, where));
        }
        return new Vector(required(root, "name", where).asText(), required(root, "description", where).asText(),
                bytes.toByteArray(), List.copyOf(expect), file);
    }

    /** A message as the vectors write it, e.g. {@code {"minVersion":1,"maxVersion":1}} for HELLO. */
    public static JsonNode tree(Message message) {
        try {
            // through text, so that numbers get the same node types as in a parsed file (IntNode vs LongNode)
            return MAPPER.readTree(MAPPER.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message, e);
        }
    }

    /** An envelope as a vector's "frame" entry: version, type name, sequence and message. */
    public static ObjectNode tree(Envelope envelope) {
        ObjectNode frame = MAPPER.createObjectNode();
        frame.put("version", envelope.version());
        frame.put("type", envelope.message().type().name());
        frame.put("sequence", envelope.sequence());
        frame.set("message", tree(envelope.message()));
        return frame;
    }

    /** The inverse of {@link #tree(Message)}: builds the record of {@code type} from its JSON form. */
    public static Message message(MessageType type, JsonNode json) {
        try {
            return MAPPER.treeToValue(json, recordOf(type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot build a " + type + " from " + json + ": " + e.getMessage(), e);
        }
    }

    /** The record class that carries each message type. */
    public static Class<? extends Message> recordOf(MessageType type) {
        return switch (type) {
            case HELLO -> Command.Hello.class;
            case CONFIGURE -> Command.Configure.class;
            case SET_LIMITS -> Command.SetLimits.class;
            case ARM -> Command.Arm.class;
            case DISARM -> Command.Disarm.class;
            case TRIAL -> Command.RunTrial.class;
            case HEARTBEAT -> Command.Heartbeat.class;
            case STATUS -> Command.StatusRequest.class;
            case ABORT -> Command.Abort.class;
            case EMERGENCY_STOP -> Command.EmergencyStop.class;
            case CLEAR_EMERGENCY_STOP -> Command.ClearEmergencyStop.class;
            case TRIGGER_OUT -> Command.FireTrigger.class;
            case ACK -> Reply.Ack.class;
            case IDENTITY -> Reply.Identity.class;
            case CONFIGURED -> Reply.Configured.class;
            case LIMITS -> Reply.LimitsInForce.class;
            case TRIAL_RESULT -> Reply.TrialCompleted.class;
            case HEARTBEAT_REPLY -> Reply.HeartbeatReply.class;
            case STATUS_REPLY -> Reply.Status.class;
            case EVENT -> Event.class;
            case ERROR -> Reply.Error.class;
        };
    }

    /**
     * Runs bytes, in the given chunks, through a fresh {@link FrameDecoder} and every frame it yields through
     * {@link MessageCodec#decode}, the way a receiver would; returns what came out, in order.
     */
    public static List<Outcome> decode(List<byte[]> chunks) {
        MessageCodec codec = new MessageCodec();
        FrameDecoder decoder = new FrameDecoder();
        List<Outcome> out = new ArrayList<>();
        FrameSink sink = new FrameSink() {
            @Override
            public void onFrame(byte[] payload) {
                try {
                    out.add(new Outcome.Decoded(codec.decode(payload)));
                } catch (ProtocolException e) {
                    out.add(new Outcome.Failed(ErrorKind.of(e), e));
                }
            }

            @Override
            public void onError(FramingException error) {
                out.add(new Outcome.Failed(ErrorKind.of(error), error));
            }
        };
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, sink);
        }
        return out;
    }

    /**
     * Whether {@code actual} is exactly what {@code expected} lists: same length, and each outcome matches
     * the expectation at the same position.
     */
    public static boolean matches(List<Expected> expected, List<Outcome> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).matches(actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** One golden vector: the bytes on the wire and what a receiver must make of them. */
    public record Vector(String name, String description, byte[] bytes, List<Expected> expect, Path file) {
        public Vector {
            Objects.requireNonNull(name, "name");
            bytes = bytes.clone();
            expect = List.copyOf(expect);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * True when the bytes are exactly one frame (one 0x00, at the end) that decodes to one message: then
         * encoding that message must give back these bytes.
         */
        public boolean isSingleFrame() {
            int zeros = 0;
            for (byte b : bytes) {
                zeros += b == 0 ? 1 : 0;
            }
            return expect.size() == 1 && expect.get(0) instanceof Expected.Frame && zeros == 1
                    && bytes[bytes.length - 1] == 0;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What a vector says a receiver finds, entry by entry. */
    public sealed interface Expected {
        boolean matches(Outcome outcome);

        static Expected of(JsonNode entry, String where) {
            if (entry.has("frame")) {
                JsonNode f = entry.get("frame");
                return new Frame(required(f, "version", where).asInt(),
                        MessageType.valueOf(required(f, "type", where).asText()),
                        required(f, "sequence", where).asInt(), required(f, "message", where));
            }
            if (entry.has("error")) {
                return new Error(ErrorKind.valueOf(entry.get("error").asText()),
                        entry.has("contains") ? entry.get("contains").asText() : "");
            }
            throw new IllegalArgumentException(where + ": an expect entry needs \"frame\" or \"error\": " + entry);
        }

        /** A frame that decodes to this envelope; the message is compared as a JSON tree. */
        record Frame(int version, MessageType type, int sequence, JsonNode message) implements Expected {
            /** The envelope the JSON describes, built through the same records the codec uses. */
            public Envelope envelope() {
                return new Envelope(version, sequence, GoldenVectors.message(type, message));
            }

            @Override
            public boolean matches(Outcome outcome) {
                return outcome instanceof Outcome.Decoded d && d.envelope().version() == version
                        && d.envelope().message().type() == type && d.envelope().sequence() == sequence
                        && tree(d.envelope().message()).equals(message);
            }

            @Override
            public String toString() {
                return "frame v" + version + " " + type + " #" + sequence + " " + message;
            }
        }

        /** A failure of this kind whose message contains the given text. */
        record Error(ErrorKind kind, String contains) implements Expected {
            @Override
            public boolean matches(Outcome outcome) {
                return outcome instanceof Outcome.Failed f && f.kind() == kind
                        && f.cause().getMessage().contains(contains);
            }

            @Override
            public String toString() {
                return kind + " containing \"" + contains + "\"";
            }
        }
    }

    /** What a receiver got from a run of bytes. */
    public sealed interface Outcome {
        record Decoded(Envelope envelope) implements Outcome {
            @Override
            public String toString() {
                return "frame " + tree(envelope);
            }
        }

        record Failed(ErrorKind kind, RuntimeException cause) implements Outcome {
            @Override
            public String toString() {
                return kind + ": " + cause.getMessage();
            }
        }
    }

    /** The kinds of failure a vector can expect, each the exception a receiver sees. */
    public enum ErrorKind {
        /** {@link CorruptedFrameException}: bad COBS, CRC mismatch, or shorter than the CRC plus one byte. */
        CORRUPTED,
        /** {@link FrameTooLongException}: more bytes than the largest frame without a delimiter. */
        TOO_LONG,
        /** {@link ProtocolException} other than an unsupported version: unknown type, malformed body. */
        PROTOCOL,
        /** {@link UnsupportedVersionException}. */
        UNSUPPORTED_VERSION;

        public static ErrorKind of(RuntimeException e) {
            if (e instanceof CorruptedFrameException) {
                return CORRUPTED;
            }
            if (e instanceof FrameTooLongException) {
                return TOO_LONG;
            }
            if (e instanceof UnsupportedVersionException) {
                return UNSUPPORTED_VERSION;
            }
            if (e instanceof ProtocolException) {
                return PROTOCOL;
            }
            throw new IllegalArgumentException("not a framing or protocol failure: " + e, e);
        }
    }

    /** The vectors' hex form: lower-case byte pairs separated by single spaces. */
    public static final class Hex {
        private Hex() {
        }

        public static String format(byte[] bytes) {
            StringBuilder sb = new StringBuilder(bytes.length * 3);
            for (byte b : bytes) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(String.format(Locale.ROOT, "%02x", b & 0xFF));
            }
            return sb.toString();
        }

        /** Parses the vectors' form strictly: an empty string, or "xx" pairs separated by single spaces. */
        public static byte[] parse(String hex, String where) {
            if (hex.isEmpty()) {
                return new byte[0];
            }
            String[] pairs = hex.split(" ", -1);
            byte[] out = new byte[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                if (!pairs[i].matches("[0-9a-f]{2}")) {
                    throw new IllegalArgumentException(where + ": \"" + pairs[i] + "\" at byte " + i
                            + " is not two lower-case hex digits");
                }
                out[i] = (byte) Integer.parseInt(pairs[i], 16);
            }
            return out;
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new IllegalArgumentException(where + ": missing \"" + field + "\" in " + node);
        }
        return v;
    }
}
