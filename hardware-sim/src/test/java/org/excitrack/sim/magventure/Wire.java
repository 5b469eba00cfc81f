package org.excitrack.sim.magventure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.excitrack.codec.magventure.MagProCodec;
import org.excitrack.codec.magventure.MagProMessage;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.framing.MagProFrameDecoder;
import org.excitrack.framing.MagProFrameException;

/** The host's side of a virtual MagPro's output in a test: every byte decoded as a real host would. */
final class Wire implements Consumer<byte[]> {
    final List<MagProMessage> messages = new ArrayList<>();
    final List<MagProFrameException> errors = new ArrayList<>();
    private final MagProFrameDecoder decoder = new MagProFrameDecoder();
    private final FrameSink sink = new FrameSink() {
        @Override
        public void onFrame(byte[] payload) {
            messages.add(MagProCodec.decodeMessage(payload));
        }

        @Override
        public void onError(FramingException error) {
            errors.add((MagProFrameException) error);
        }
    };

    @Override
    public void accept(byte[] bytes) {
        decoder.feed(bytes, sink);
    }

    <T extends MagProMessage> List<T> all(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends MagProMessage> T last(Class<T> type) {
        List<T> of = all(type);
        if (of.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " among " + messages);
        }
        return of.get(of.size() - 1);
    }

    void clear() {
        messages.clear();
        errors.clear();
    }
}
