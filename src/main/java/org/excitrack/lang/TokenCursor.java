package org.excitrack.lang;

import java.util.ArrayList;
import java.util.List;
import org.excitrack.lang.Token.Kind;

/**
 * The parser's position in the token list and its error handling: expectations that report what they
 * found, and recovery that skips to the end of a failed statement so parsing goes on. The grammar lives in
 * {@link ExpressionParser} and {@link Parser}, which extend this.
 */
abstract class TokenCursor {
    static final int MAX_DEPTH = 64;

    final List<Token> tokens;
    final List<Diagnostic> diagnostics;
    int pos;
    int depth;

    TokenCursor(SourceFile source, List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
        this.tokens = new Lexer(source, diagnostics).tokens();
    }

    /** Thrown to unwind one statement; caught where recovery happens. */
    static final class Bail extends RuntimeException {
        Bail() {
            super(null, null, false, false);
        }
    }


    <T> List<T> block(java.util.function.Supplier<T> parseOne) {
        Token open = expect(Kind.LBRACE, "'{' to open the block");
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw error(peek(), "blocks nested too deeply", null);
        }
        try {
            List<T> out = new ArrayList<>();
            while (true) {
                skipNewlines();
                Token t = peek();
                if (t.is(Kind.RBRACE)) {
                    next();
                    if (!peek().isWord("else")) {
                        endOfStatement();
                    }
                    return out;
                }
                if (t.is(Kind.EOF)) {
                    throw neverClosed(open, "the block");
                }
                int before = pos;
                try {
                    out.add(parseOne.get());
                } catch (Bail b) {
                    recoverInBlock(before);
                }
            }
        } finally {
            depth--;
        }
    }

    String matchPhrase(List<String> phrases) {
        String best = null;
        int bestWords = 0;
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            boolean ok = true;
            for (int i = 0; i < words.length && ok; i++) {
                ok = peekAt(i).isWord(words[i]);
            }
            if (ok && words.length > bestWords) {
                best = phrase;
                bestWords = words.length;
            }
        }
        pos += bestWords;
        return best;
    }

    void endOfStatement() {
        Token t = peek();
        if (t.is(Kind.NEWLINE) || t.is(Kind.EOF) || t.is(Kind.RBRACE)) {
            if (t.is(Kind.NEWLINE)) {
                next();
            }
            return;
        }
        throw error(t, "unexpected " + t.describe() + " at the end of the statement", "one statement per line");
    }

    void skipNewlines() {
        while (peek().is(Kind.NEWLINE) || peek().is(Kind.ERROR)) {
            next();
        }
    }

    /** Skips the rest of a failed top-level item, including any block it opened. */
    void recover(int before) {
        if (pos == before) {
            next();
        }
        skipToStatementEnd();
    }

    /** Skips the rest of a failed statement inside a block, without leaving the block. */
    void recoverInBlock(int before) {
        if (pos == before && !peek().is(Kind.RBRACE)) {
            next();
        }
        skipToStatementEnd();
    }

    void skipToStatementEnd() {
        int nesting = 0;
        while (!peek().is(Kind.EOF)) {
            Token t = peek();
            if (t.is(Kind.LBRACE)) {
                nesting++;
            } else if (t.is(Kind.RBRACE)) {
                if (nesting == 0) {
                    return;
                }
                nesting--;
                if (nesting == 0) {
                    next();
                    return;
                }
            } else if (t.is(Kind.NEWLINE) && nesting == 0) {
                next();
                return;
            }
            next();
        }
    }

    Token expect(Kind kind, String what) {
        Token t = peek();
        if (!t.is(kind)) {
            throw error(t, "expected " + what + ", found " + t.describe(), null);
        }
        return next();
    }

    Token expectWord(String what) {
        Token t = peek();
        if (!t.is(Kind.WORD)) {
            throw error(t, "expected " + what + ", found " + t.describe(), null);
        }
        return next();
    }

    Token expectWordValue(String word, String what) {
        Token t = peek();
        if (!t.isWord(word)) {
            String hint = t.is(Kind.WORD) && Suggestions.closest(t.text(), List.of(word)).isPresent()
                    ? "did you mean '" + word + "'?" : null;
            throw error(t, "expected " + what + ", found " + t.describe(), hint);
        }
        return next();
    }

    Bail error(Token at, String message, String hint) {
        if (!at.is(Kind.ERROR)) {
            error(at.span(), message, hint);
        }
        // else the lexer has already reported this token; a second message about it would only repeat it
        return new Bail();
    }

    /** Reported at the opening bracket, so the message shows which block lacks its end. */
    Bail neverClosed(Token open, String what) {
        String close = open.is(Kind.LBRACKET) ? "]" : "}";
        return error(open, what + " opened here is never closed",
                "add the missing '" + close + "': every '" + open.text() + "' needs its '" + close + "'");
    }

    void error(Span span, String message, String hint) {
        diagnostics.add(hint == null ? Diagnostic.error(span, message) : Diagnostic.error(span, message, hint));
    }

    Token peek() {
        return tokens.get(Math.min(pos, tokens.size() - 1));
    }

    Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = peek();
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }
}
