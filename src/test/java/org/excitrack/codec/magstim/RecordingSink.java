package org.excitrack.codec.magstim;

import java.util.ArrayList;
import java.util.List;

/** Collects what a reply decoder delivers, in order. */
final class RecordingSink implements MagstimReplyDecoder.Sink {
    final List<Object> outcomes = new ArrayList<>();
    final List<MagstimCommand> answered = new ArrayList<>();
    int ignored;

    @Override
    public void onReply(MagstimCommand command, MagstimReply reply) {
        answered.add(command);
        outcomes.add(reply);
    }

    @Override
    public void onError(MagstimCommand command, MagstimProtocolException error) {
        answered.add(command);
        outcomes.add(error.kind() + ": " + error.getMessage());
    }

    @Override
    public void onIgnoredByte(int value) {
        ignored++;
    }
}
