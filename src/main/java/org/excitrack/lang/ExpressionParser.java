package org.excitrack.lang;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.excitrack.lang.Ast.Expr;
import org.excitrack.lang.Token.Kind;

/**
 * Expressions with units: {@code or}, {@code and}, {@code not}, comparisons, + − × ÷, signs, quantities,
 * names and measured quantities ({@code maximal response}, {@code threshold "control"}). Nesting is bounded.
 */
abstract class ExpressionParser extends TokenCursor {
    /** Words that may follow a number without being its unit. */
    static final Set<String> AFTER_NUMBER = Set.of("to", "step", "count", "of", "for", "at", "from", "width",
            "times", "and", "or", "while", "then", "over", "in");

    ExpressionParser(SourceFile source, List<Diagnostic> diagnostics) {
        super(source, diagnostics);
    }


    Expr expr() {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw error(peek(), "expression nested too deeply", null);
        }
        try {
            return or();
        } finally {
            depth--;
        }
    }

    Expr or() {
        Expr left = and();
        while (peek().isWord("or")) {
            next();
            Expr right = and();
            left = new Ast.Binary("or", left, right, left.span().to(right.span()));
        }
        return left;
    }

    Expr and() {
        Expr left = not();
        while (peek().isWord("and")) {
            next();
            Expr right = not();
            left = new Ast.Binary("and", left, right, left.span().to(right.span()));
        }
        return left;
    }

    Expr not() {
        if (peek().isWord("not")) {
            Token t = next();
            Expr operand = not();
            return new Ast.Unary("not", operand, t.span().to(operand.span()));
        }
        return comparison();
    }

    Expr comparison() {
        Expr left = additive();
        Kind k = peek().kind();
        if (k == Kind.LT || k == Kind.LE || k == Kind.GT || k == Kind.GE || k == Kind.EQ || k == Kind.NE) {
            String op = next().text();
            Expr right = additive();
            return new Ast.Binary(op, left, right, left.span().to(right.span()));
        }
        if (k == Kind.EQUALS) {
            throw error(peek(), "'=' assigns; to compare, write '=='", null);
        }
        return left;
    }

    Expr additive() {
        Expr left = multiplicative();
        while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
            String op = next().text();
            Expr right = multiplicative();
            left = new Ast.Binary(op, left, right, left.span().to(right.span()));
        }
        return left;
    }

    Expr multiplicative() {
        Expr left = unary();
        while (peek().is(Kind.STAR) || peek().is(Kind.SLASH)) {
            String op = next().text();
            Expr right = unary();
            left = new Ast.Binary(op, left, right, left.span().to(right.span()));
        }
        return left;
    }

    Expr unary() {
        if (peek().is(Kind.MINUS) || peek().is(Kind.PLUS)) {
            Token t = next();
            if (++depth > MAX_DEPTH) {
                depth = 0;
                throw error(t, "expression nested too deeply", null);
            }
            try {
                Expr operand = unary();
                return new Ast.Unary(t.text(), operand, t.span().to(operand.span()));
            } finally {
                depth--;
            }
        }
        return primary();
    }

    Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                double value = parseNumber(t);
                Token u = peek();
                Optional<Unit> unit = unitOf(u);
                if (unit.isPresent()) {
                    next();
                    return new Ast.Quantity(value, unit.get(), t.span().to(u.span()));
                }
                if (u.is(Kind.WORD) && !AFTER_NUMBER.contains(u.text())) {
                    String hint = Unit.caseInsensitive(u.text()).or(() -> Unit.misspelling(u.text()))
                            .map(x -> "did you mean '" + x.symbol() + "'?")
                            .orElse(Suggestions.didYouMean(u.text(), Unit.spellings()));
                    throw error(u, "unknown unit '" + u.text() + "'", hint != null ? hint
                            : "units: " + String.join(", ", Unit.spellings()));
                }
                return new Ast.Number(value, t.span());
            }
            case LPAREN -> {
                next();
                Expr inner = expr();
                expect(Kind.RPAREN, "')'");
                return inner;
            }
            case WORD -> {
                next();
                if (t.text().equals("maximal")) {
                    Token r = expectWordValue("response", "'maximal response'");
                    return new Ast.Measured("maximal response", Optional.empty(), t.span().to(r.span()));
                }
                if (t.text().equals("threshold")) {
                    Optional<String> channel = Optional.empty();
                    Span span = t.span();
                    if (peek().is(Kind.STRING)) {
                        Token c = next();
                        channel = Optional.of(c.text());
                        span = span.to(c.span());
                    }
                    return new Ast.Measured("threshold", channel, span);
                }
                return new Ast.Ref(t.text(), t.span());
            }
            default -> throw error(t, "expected a value, found " + t.describe(), null);
        }
    }

    double parseNumber(Token t) {
        try {
            return Double.parseDouble(t.text().endsWith(".") ? t.text() + "0" : t.text());
        } catch (NumberFormatException e) {
            throw error(t, "'" + t.text() + "' is not a number", null);
        }
    }

    static Optional<Unit> unitOf(Token t) {
        if (t.is(Kind.PERCENT)) {
            return Optional.of(Unit.PERCENT);
        }
        return t.is(Kind.WORD) ? Unit.parse(t.text()) : Optional.empty();
    }
}
