package org.excitrack.gui.common;

/** The bedside workflow, in the order a technician goes through it. */
public enum Step {
    CONNECT("Connect"), SUBJECT("Subject"), PROTOCOL("Protocol"), RUN("Run"), REVIEW("Review");

    private final String title;

    Step(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
