package org.excitrack.codec;

/** A typed message of our unit's wire protocol: a command, a reply or an unsolicited event. */
public sealed interface Message permits Command, Reply, Event {
    MessageType type();
}
