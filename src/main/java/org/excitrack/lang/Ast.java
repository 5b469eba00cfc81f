package org.excitrack.lang;

import java.util.List;
import java.util.Optional;

/** The syntax tree of a protocol file, exactly as written (loops not yet unrolled, units not yet checked). */
public final class Ast {
    private Ast() {
    }

    public record ProtocolFile(SourceFile source, List<Item> items) {
    }

    /** Top-level items. */
    public sealed interface Item permits Meta, Parameter, Settings, Include, Section {
        Span span();
    }

    /** {@code protocol "…"}, {@code version "…"}, {@code author "…"}, {@code description "…"}. */
    public record Meta(String key, String value, Span span) implements Item {
    }

    /** {@code parameter target = 40 %}: a default a run may override. */
    public record Parameter(String name, Expr value, Span span) implements Item {
    }

    public record Settings(List<Setting> settings, Span span) implements Item {
    }

    /** One setting; {@code upper} is only used by ranges such as {@code stimuli per point 3 to 8}. */
    public record Setting(String key, Expr value, Optional<Expr> upper, boolean ofMaximalResponse, Span span) {
    }

    public record Include(String path, Span span) implements Item {
    }

    public record Section(String name, List<Stmt> body, Span span) implements Item {
    }

    /** Statements inside sections. */
    public sealed interface Stmt permits Prompt, Confirm, Checklist, Input, StimulusResponse, For, If, Repeat, Track,
            MotorThreshold, Measure, BackgroundEmg {
        Span span();
    }

    /**
     * {@code background EMG 100 µV to 1 mV} in a section: the accepted peak-to-peak EMG before each magnetic trial
     * of that section, in place of the setting (a held contraction for a silent period, instead of rest).
     */
    public record BackgroundEmg(Expr min, Expr max, Span span) implements Stmt {
    }

    public record Prompt(String text, Span span) implements Stmt {
    }

    public record Confirm(String text, Span span) implements Stmt {
    }

    public record Checklist(String title, List<String> items, Span span) implements Stmt {
    }

    /** {@code input temperature "Skin temperature" °C from 25 °C to 40 °C}. */
    public record Input(String name, String label, Unit unit, Expr min, Expr max, Span span) implements Stmt {
    }

    public record StimulusResponse(Expr width, Span span) implements Stmt {
    }

    public record For(String variable, Span variableSpan, ListExpr values, List<Stmt> body, Span span)
            implements Stmt {
    }

    public record If(Expr condition, List<Stmt> then, List<Stmt> otherwise, Span span) implements Stmt {
    }

    public record Repeat(Expr maxTimes, Expr condition, List<Stmt> body, Span span) implements Stmt {
    }

    public enum TrackMode {
        SINGLE, SERIAL, PARALLEL
    }

    public record Track(TrackMode mode, List<Channel> channels, Optional<Step> step, Span span) implements Stmt {
    }

    /**
     * @param complete false when part of the channel did not parse (already reported), so that rules about
     *     what it holds, such as "one test pulse", are not checked against the part that did
     */
    public record Channel(String name, boolean tracked, List<Element> elements, boolean complete, Span span) {
        public Channel(String name, boolean tracked, List<Element> elements, Span span) {
            this(name, tracked, elements, true, span);
        }
    }

    /**
     * {@code motor threshold "RMT" target 50 µV method ml-pest}: hunts the magnetic test stimulus at which half the
     * MEPs reach the target; the result is the threshold of the channel named, for later {@code of threshold}.
     */
    public record MotorThreshold(String name, Optional<Expr> target, Optional<String> method, Span span)
            implements Stmt {
    }

    /**
     * {@code measure 10 times { channel … step … }}: untracked channels, each delivered that many times at every
     * point, in a pseudo-random order; the responses are what is measured (conventional, amplitude protocols).
     */
    public record Measure(Expr times, List<Channel> channels, Optional<Step> step, Span span) implements Stmt {
    }

    /** {@code step delay over [ … ]}: the tracked points of a track block. */
    public record Step(String variable, Span variableSpan, ListExpr values, Span span) {
    }

    /** What a channel delivers, each element timed from the channel's time zero. */
    public sealed interface Element permits Test, Pulse, Polarizing, MagneticTest, Magnetic {
        Span span();
    }

    /** The tracked test pulse; its amplitude is what tracking adjusts. Width defaults to the settings' test width. */
    public record Test(Optional<Expr> width, Optional<Expr> at, Span span) implements Element {
    }

    public record Pulse(Amplitude amplitude, Optional<String> polarity, Expr width, Optional<Expr> at, Span span)
            implements Element {
    }

    /** Polarizing current; the sign of its amplitude gives its direction (+ depolarizing, − hyperpolarizing). */
    public record Polarizing(Amplitude amplitude, Optional<Expr> at, Expr duration, Span span) implements Element {
    }

    /** The tracked magnetic test stimulus; tracking adjusts its output (%MSO). */
    public record MagneticTest(Optional<Expr> at, Span span) implements Element {
    }

    /** A magnetic pulse at a fixed output ({@code 50 %MSO}) or a share of a threshold ({@code 70 % of threshold "RMT"}). */
    public record Magnetic(Amplitude amplitude, Optional<Expr> at, Span span) implements Element {
    }

    public sealed interface Amplitude permits Absolute, OfThreshold, Supramaximal {
        Span span();
    }

    public record Absolute(Expr current, Span span) implements Amplitude {
    }

    /** {@code 40 % of threshold} or {@code 40 % of threshold "control"}. */
    public record OfThreshold(Expr percent, Optional<String> channel, Span span) implements Amplitude {
    }

    public record Supramaximal(Span span) implements Amplitude {
    }

    /** {@code [a, b, 20 ms to 100 ms step 10 ms, geometric 2 ms to 200 ms count 18]}. */
    public record ListExpr(List<ListItem> items, Span span) {
    }

    public sealed interface ListItem permits Single, Range, Geometric {
        Span span();
    }

    public record Single(Expr value, Span span) implements ListItem {
    }

    public record Range(Expr from, Expr to, Expr step, Span span) implements ListItem {
    }

    public record Geometric(Expr from, Expr to, Expr count, Span span) implements ListItem {
    }

    /** Expressions. */
    public sealed interface Expr permits Number, Quantity, Ref, Measured, Unary, Binary {
        Span span();
    }

    public record Number(double value, Span span) implements Expr {
    }

    public record Quantity(double value, Unit unit, Span span) implements Expr {
    }

    public record Ref(String name, Span span) implements Expr {
    }

    /** A quantity measured during the run: {@code maximal response}, {@code threshold "control"}. */
    public record Measured(String what, Optional<String> channel, Span span) implements Expr {
    }

    public record Unary(String op, Expr operand, Span span) implements Expr {
    }

    public record Binary(String op, Expr left, Expr right, Span span) implements Expr {
    }
}
