package org.excitrack.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.excitrack.lang.Ast.Expr;
import org.excitrack.lang.Token.Kind;

/**
 * Recursive-descent parser. On an error it records a diagnostic and skips to the end of the statement (the
 * line, or the block it opened), so one run reports every error in the file. Nesting is bounded, so no
 * input can exhaust the stack.
 */
public final class Parser extends ExpressionParser {
    static final Set<String> TOP_LEVEL = Set.of("protocol", "version", "author", "description", "parameter",
            "settings", "include", "section");
    static final Set<String> STATEMENTS = Set.of("prompt", "confirm", "checklist", "input", "stimulus", "for", "if",
            "repeat", "track", "motor", "measure", "background");
    static final Set<String> ELEMENTS = Set.of("test", "pulse", "polarizing", "magnetic");
    /** The motor-threshold methods a protocol may name (tracking.tms has their definitions). */
    static final List<String> MOTOR_THRESHOLD_METHODS = List.of("ifcn", "ml-pest", "excitrack");
    static final List<String> SETTINGS = List.of("sample rate", "window", "interval", "target", "stimuli per point",
            "precision", "maximum stimulus", "maximum threshold", "supramaximal", "test width", "maximum intensity",
            "MEP window", "background EMG");
    /** Settings written as a range: {@code stimuli per point 3 to 8}, {@code MEP window 15 ms to 50 ms}. */
    private static final Set<String> RANGE_SETTINGS = Set.of("stimuli per point", "MEP window", "background EMG");

    private Parser(SourceFile source, List<Diagnostic> diagnostics) {
        super(source, diagnostics);
    }

    /** Parses a whole file; problems are added to {@code diagnostics}, and the tree holds what parsed. */
    public static Ast.ProtocolFile parse(SourceFile source, List<Diagnostic> diagnostics) {
        Parser p = new Parser(source, diagnostics);
        return new Ast.ProtocolFile(source, p.items());
    }

    private List<Ast.Item> items() {
        List<Ast.Item> items = new ArrayList<>();
        while (true) {
            skipNewlines();
            if (peek().is(Kind.EOF)) {
                return items;
            }
            int before = pos;
            try {
                items.add(item());
            } catch (Bail b) {
                recover(before);
            }
        }
    }

    private Ast.Item item() {
        Token t = peek();
        if (!t.is(Kind.WORD)) {
            throw error(t, "expected a protocol item (" + String.join(", ", sorted(TOP_LEVEL)) + "), found "
                    + t.describe(), null);
        }
        switch (t.text()) {
            case "protocol", "version", "author", "description" -> {
                next();
                Token value = expect(Kind.STRING, "the " + t.text() + " in quotes, e.g. " + t.text() + " \"…\"");
                endOfStatement();
                return new Ast.Meta(t.text(), value.text(), t.span().to(value.span()));
            }
            case "parameter" -> {
                next();
                Token name = expectWord("a parameter name");
                expect(Kind.EQUALS, "'=' and a default value, e.g. parameter target = 40 %");
                Expr value = expr();
                endOfStatement();
                return new Ast.Parameter(name.text(), value, t.span().to(value.span()));
            }
            case "settings" -> {
                return settings();
            }
            case "include" -> {
                next();
                Token path = expect(Kind.STRING, "the file to include in quotes, e.g. include \"preparation.exc\"");
                endOfStatement();
                return new Ast.Include(path.text(), t.span().to(path.span()));
            }
            case "section" -> {
                next();
                Token name = expect(Kind.STRING, "the section's name in quotes, e.g. section \"Recovery cycle\"");
                List<Ast.Stmt> body = block(this::statement);
                return new Ast.Section(name.text(), body, t.span().to(name.span()));
            }
            default -> {
                String hint = Suggestions.didYouMean(t.text(), TOP_LEVEL);
                if (hint == null && STATEMENTS.contains(t.text())) {
                    hint = "'" + t.text() + "' belongs inside a section { … }";
                }
                throw error(t, "unknown protocol item '" + t.text() + "'", hint);
            }
        }
    }

    private Ast.Settings settings() {
        Token start = next();
        List<Ast.Setting> list = new ArrayList<>();
        Token open = expect(Kind.LBRACE, "'{' to open the settings");
        while (true) {
            skipNewlines();
            if (peek().is(Kind.RBRACE)) {
                next();
                endOfStatement();
                return new Ast.Settings(list, start.span());
            }
            if (peek().is(Kind.EOF)) {
                throw neverClosed(open, "the settings block");
            }
            int before = pos;
            try {
                list.add(setting());
            } catch (Bail b) {
                recoverInBlock(before);
            }
        }
    }

    private Ast.Setting setting() {
        Token first = peek();
        String key = matchPhrase(SETTINGS);
        if (key == null) {
            String words = first.is(Kind.WORD) ? first.text() : first.describe();
            throw error(first, "unknown setting " + (first.is(Kind.WORD) ? "'" + words + "'" : words),
                    settingHint());
        }
        Expr value = expr();
        Optional<Expr> upper = Optional.empty();
        boolean ofMax = false;
        if (RANGE_SETTINGS.contains(key)) {
            expectWordValue("to", key.equals("stimuli per point") ? "'to' and the most stimuli, e.g. stimuli per point 3 to 8"
                    : key.equals("MEP window") ? "'to' and the window's end, e.g. MEP window 15 ms to 50 ms"
                    : "'to' and the most background EMG allowed, e.g. background EMG 0 µV to 50 µV");
            upper = Optional.of(expr());
        }
        if (key.equals("target") && peek().isWord("of")) {
            next();
            expectWordValue("maximal", "'maximal response', e.g. target 40 % of maximal response");
            expectWordValue("response", "'response'");
            ofMax = true;
        }
        endOfStatement();
        return new Ast.Setting(key, value, upper, ofMax, first.span().to(value.span()));
    }

    /** "did you mean 'sample rate'?" for "sampling rate", comparing as many words as each setting has. */
    private String settingHint() {
        for (String phrase : SETTINGS) {
            int words = phrase.split(" ").length;
            List<String> written = new ArrayList<>();
            for (int i = 0; i < words && peekAt(i).is(Kind.WORD); i++) {
                written.add(peekAt(i).text());
            }
            if (!written.isEmpty() && Suggestions.closest(String.join(" ", written), List.of(phrase)).isPresent()) {
                return "did you mean '" + phrase + "'?";
            }
        }
        return "the settings are: " + String.join(", ", SETTINGS);
    }

    private Ast.Stmt statement() {
        Token t = peek();
        if (!t.is(Kind.WORD) || !STATEMENTS.contains(t.text())) {
            String hint = t.is(Kind.WORD) ? Suggestions.didYouMean(t.text(), STATEMENTS) : null;
            if (hint == null && t.is(Kind.WORD) && ELEMENTS.contains(t.text())) {
                hint = "'" + t.text() + "' belongs inside a channel { … } of a track block";
            }
            throw error(t, "expected a statement (" + String.join(", ", sorted(STATEMENTS)).replace("motor", "motor threshold")
                    .replace("background", "background EMG")
                    + "), found "
                    + t.describe(), hint);
        }
        next();
        return switch (t.text()) {
            case "prompt" -> {
                Token text = expect(Kind.STRING, "the message in quotes, e.g. prompt \"Check the electrodes\"");
                endOfStatement();
                yield new Ast.Prompt(text.text(), t.span().to(text.span()));
            }
            case "confirm" -> {
                Token text = expect(Kind.STRING, "the question in quotes");
                endOfStatement();
                yield new Ast.Confirm(text.text(), t.span().to(text.span()));
            }
            case "checklist" -> checklist(t);
            case "input" -> input(t);
            case "stimulus" -> {
                expectWordValue("response", "'stimulus response width 1 ms'");
                expectWordValue("width", "'width' and the test pulse width, e.g. stimulus response width 1 ms");
                Expr width = expr();
                endOfStatement();
                yield new Ast.StimulusResponse(width, t.span().to(width.span()));
            }
            case "for" -> {
                Token var = expectWord("a loop variable, e.g. for current in [40 %, -40 %]");
                expectWordValue("in", "'in' and a list");
                Ast.ListExpr values = list();
                List<Ast.Stmt> body = block(this::statement);
                yield new Ast.For(var.text(), var.span(), values, body, t.span().to(values.span()));
            }
            case "if" -> {
                Expr condition = expr();
                List<Ast.Stmt> then = block(this::statement);
                List<Ast.Stmt> otherwise = List.of();
                if (peek().isWord("else")) {
                    next();
                    if (peek().isWord("if")) {
                        throw error(peek(), "'else if' is not part of the language",
                                "nest the second 'if' in the else block: else { if … { … } }");
                    }
                    otherwise = block(this::statement);
                }
                yield new Ast.If(condition, then, otherwise, t.span().to(condition.span()));
            }
            case "repeat" -> {
                expectWordValue("at", "'at most N times while …': every repetition is bounded");
                expectWordValue("most", "'most'");
                Expr max = expr();
                expectWordValue("times", "'times'");
                expectWordValue("while", "'while' and a condition");
                Expr condition = expr();
                List<Ast.Stmt> body = block(this::statement);
                yield new Ast.Repeat(max, condition, body, t.span().to(condition.span()));
            }
            case "track" -> track(t);
            case "motor" -> motorThreshold(t);
            case "background" -> {
                expectWordValue("EMG", "'background EMG MIN to MAX', e.g. background EMG 100 µV to 1 mV");
                Expr min = expr();
                expectWordValue("to", "'to' and the most background EMG allowed, e.g. background EMG 100 µV to 1 mV");
                Expr max = expr();
                endOfStatement();
                yield new Ast.BackgroundEmg(min, max, t.span().to(max.span()));
            }
            case "measure" -> {
                Expr times = expr();
                expectWordValue("times", "'times', e.g. measure 10 times { … }");
                TrackBody body = trackBody("the measure block");
                yield new Ast.Measure(times, body.channels(), body.step(), t.span().to(times.span()));
            }
            default -> throw new IllegalStateException(t.text());
        };
    }

    private Ast.Checklist checklist(Token t) {
        Token title = expect(Kind.STRING, "the checklist's title in quotes");
        expect(Kind.LBRACKET, "'[' and the items in quotes, e.g. [\"Electrodes on\", \"Limb warm\"]");
        List<String> items = new ArrayList<>();
        skipNewlines();
        while (!peek().is(Kind.RBRACKET)) {
            items.add(expect(Kind.STRING, "an item in quotes").text());
            skipNewlines();
            if (!peek().is(Kind.RBRACKET)) {
                expect(Kind.COMMA, "',' between items or ']' to end the list");
                skipNewlines();
            }
        }
        Token close = next();
        endOfStatement();
        return new Ast.Checklist(title.text(), items, t.span().to(close.span()));
    }

    private Ast.Input input(Token t) {
        Token name = expectWord("a name for the value, e.g. input temperature \"Skin temperature\" °C …");
        Token label = expect(Kind.STRING, "the label the operator sees, in quotes");
        Token unitToken = peek();
        Unit unit = unitOf(unitToken).orElseThrow(() -> error(unitToken, "expected the unit of the value, found "
                + unitToken.describe(), "e.g. °C, ms or mA"));
        next();
        expectWordValue("from", "'from' and the lowest accepted value");
        Expr min = expr();
        expectWordValue("to", "'to' and the highest accepted value");
        Expr max = expr();
        endOfStatement();
        return new Ast.Input(name.text(), label.text(), unit, min, max, t.span().to(max.span()));
    }

    private Ast.Track track(Token t) {
        Ast.TrackMode mode = Ast.TrackMode.SINGLE;
        if (peek().isWord("serial") || peek().isWord("parallel")) {
            mode = next().text().equals("serial") ? Ast.TrackMode.SERIAL : Ast.TrackMode.PARALLEL;
        }
        if (peek().is(Kind.WORD)) {
            throw error(peek(), "expected 'serial', 'parallel' or '{' after 'track', found " + peek().describe(),
                    Suggestions.didYouMean(peek().text(), List.of("serial", "parallel")));
        }
        TrackBody body = trackBody("the track block");
        return new Ast.Track(mode, body.channels(), body.step(), t.span());
    }

    private record TrackBody(List<Ast.Channel> channels, Optional<Ast.Step> step) {
    }

    private TrackBody trackBody(String what) {
        List<Ast.Channel> channels = new ArrayList<>();
        List<Ast.Step> steps = new ArrayList<>();
        Token open = expect(Kind.LBRACE, "'{' to open " + what);
        while (true) {
            skipNewlines();
            Token k = peek();
            if (k.is(Kind.RBRACE)) {
                next();
                endOfStatement();
                break;
            }
            if (k.is(Kind.EOF)) {
                throw neverClosed(open, what);
            }
            int before = pos;
            try {
                if (k.isWord("channel")) {
                    channels.add(channel());
                } else if (k.isWord("step")) {
                    next();
                    Token var = expectWord("the stepped variable, e.g. step delay over [0 ms, 10 ms]");
                    expectWordValue("over", "'over' and a list");
                    Ast.ListExpr values = list();
                    endOfStatement();
                    steps.add(new Ast.Step(var.text(), var.span(), values, k.span().to(values.span())));
                } else {
                    throw error(k, "expected 'channel' or 'step' in " + what + ", found " + k.describe(),
                            k.is(Kind.WORD) ? Suggestions.didYouMean(k.text(), List.of("channel", "step")) : null);
                }
            } catch (Bail b) {
                recoverInBlock(before);
            }
        }
        if (steps.size() > 1) {
            error(steps.get(1).span(), "a track block steps one variable; nest it in 'for' to vary another", null);
        }
        return new TrackBody(channels, steps.stream().findFirst());
    }

    /** {@code motor threshold "RMT" [target 50 µV] [method ml-pest]}. */
    private Ast.MotorThreshold motorThreshold(Token t) {
        expectWordValue("threshold", "'motor threshold \"RMT\"'");
        Token name = expect(Kind.STRING, "the threshold's name in quotes, e.g. motor threshold \"RMT\"");
        Optional<Expr> target = Optional.empty();
        Optional<String> method = Optional.empty();
        Span span = t.span().to(name.span());
        while (peek().isWord("target") || peek().isWord("method")) {
            Token k = next();
            if (k.text().equals("target")) {
                Expr value = expr();
                target = Optional.of(value);
                span = span.to(value.span());
            } else {
                Token m = peek();
                if (!m.is(Kind.WORD)) {
                    throw error(m, "expected a method after 'method', found " + m.describe(), "methods: "
                            + String.join(", ", MOTOR_THRESHOLD_METHODS));
                }
                StringBuilder id = new StringBuilder(next().text());
                while (peek().is(Kind.MINUS) && peekAt(1).is(Kind.WORD)) {
                    next();
                    id.append('-').append(next().text());
                }
                if (!MOTOR_THRESHOLD_METHODS.contains(id.toString())) {
                    throw error(m, "unknown motor-threshold method '" + id + "'", Suggestions.didYouMean(id.toString(),
                            MOTOR_THRESHOLD_METHODS) != null ? Suggestions.didYouMean(id.toString(),
                            MOTOR_THRESHOLD_METHODS) : "methods: " + String.join(", ", MOTOR_THRESHOLD_METHODS));
                }
                method = Optional.of(id.toString());
                span = span.to(m.span());
            }
        }
        endOfStatement();
        return new Ast.MotorThreshold(name.text(), target, method, span);
    }


    private Ast.Channel channel() {
        Token start = next();
        Token name = expect(Kind.STRING, "the channel's name in quotes, e.g. channel \"control\"");
        boolean tracked = true;
        if (peek().isWord("untracked")) {
            next();
            tracked = false;
        }
        int problemsBefore = diagnostics.size();
        List<Ast.Element> elements = block(this::element);
        return new Ast.Channel(name.text(), tracked, elements, diagnostics.size() == problemsBefore,
                start.span().to(name.span()));
    }

    private Ast.Element element() {
        Token t = peek();
        if (!t.is(Kind.WORD) || !ELEMENTS.contains(t.text())) {
            throw error(t, "expected a stimulus (test, pulse, polarizing, magnetic), found " + t.describe(),
                    t.is(Kind.WORD) ? Suggestions.didYouMean(t.text(), ELEMENTS) : null);
        }
        next();
        return switch (t.text()) {
            case "test" -> {
                Optional<Expr> width = Optional.empty();
                if (peek().isWord("width")) {
                    next();
                    width = Optional.of(expr());
                }
                Optional<Expr> at = optionalTime("at");
                endOfStatement();
                yield new Ast.Test(width, at, t.span());
            }
            case "pulse" -> {
                Optional<String> polarity = Optional.empty();
                if (peek().isWord("cathodal") || peek().isWord("anodal")) {
                    polarity = Optional.of(next().text());
                }
                Ast.Amplitude amplitude = amplitude();
                expectWordValue("width", "'width' and the pulse width, e.g. pulse supramaximal width 1 ms");
                Expr width = expr();
                Optional<Expr> at = optionalTime("at");
                endOfStatement();
                yield new Ast.Pulse(amplitude, polarity, width, at, t.span().to(width.span()));
            }
            case "polarizing" -> {
                Ast.Amplitude amplitude = amplitude();
                Optional<Expr> at = optionalTime("from");
                if (at.isEmpty()) {
                    at = optionalTime("at");
                }
                expectWordValue("for", "'for' and the duration, e.g. polarizing 40 % of threshold from 10 ms for 100 ms");
                Expr duration = expr();
                endOfStatement();
                yield new Ast.Polarizing(amplitude, at, duration, t.span().to(duration.span()));
            }
            case "magnetic" -> {
                if (peek().isWord("test")) {
                    next();
                    Optional<Expr> at = optionalTime("at");
                    endOfStatement();
                    yield new Ast.MagneticTest(at, t.span());
                }
                Ast.Amplitude amplitude = amplitude();
                Optional<Expr> at = optionalTime("at");
                endOfStatement();
                yield new Ast.Magnetic(amplitude, at, t.span().to(amplitude.span()));
            }
            default -> throw new IllegalStateException(t.text());
        };
    }

    private Ast.Amplitude amplitude() {
        Token t = peek();
        if (t.isWord("supramaximal")) {
            next();
            return new Ast.Supramaximal(t.span());
        }
        Expr value = additive();
        if (peek().isWord("of")) {
            next();
            Span span = t.span().to(expectWordValue("threshold", "'threshold', e.g. 40 % of threshold").span());
            Optional<String> channel = Optional.empty();
            if (peek().is(Kind.STRING)) {
                Token c = next();
                channel = Optional.of(c.text());
                span = span.to(c.span());
            }
            return new Ast.OfThreshold(value, channel, span);
        }
        return new Ast.Absolute(value, value.span());
    }

    private Optional<Expr> optionalTime(String word) {
        if (peek().isWord(word)) {
            next();
            return Optional.of(expr());
        }
        return Optional.empty();
    }

    private Ast.ListExpr list() {
        Token open = expect(Kind.LBRACKET, "'[' and the values, e.g. [0.2 ms, 0.4 ms] or [2 ms to 10 ms step 2 ms]");
        List<Ast.ListItem> items = new ArrayList<>();
        skipNewlines();
        while (!peek().is(Kind.RBRACKET)) {
            items.add(listItem());
            skipNewlines();
            if (!peek().is(Kind.RBRACKET)) {
                expect(Kind.COMMA, "',' between values or ']' to end the list");
                skipNewlines();
            }
            if (peek().is(Kind.EOF)) {
                throw neverClosed(open, "the list");
            }
        }
        Token close = next();
        return new Ast.ListExpr(items, open.span().to(close.span()));
    }

    private Ast.ListItem listItem() {
        if (peek().isWord("geometric")) {
            Token g = next();
            Expr from = additive();
            expectWordValue("to", "'to' and the last value");
            Expr to = additive();
            expectWordValue("count", "'count' and how many values, e.g. geometric 2 ms to 200 ms count 18");
            Expr count = additive();
            return new Ast.Geometric(from, to, count, g.span().to(count.span()));
        }
        Expr first = additive();
        if (peek().isWord("to")) {
            next();
            Expr to = additive();
            expectWordValue("step", "'step' and the increment, e.g. 20 ms to 100 ms step 10 ms");
            Expr step = additive();
            return new Ast.Range(first, to, step, first.span().to(step.span()));
        }
        return new Ast.Single(first, first.span());
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

}
