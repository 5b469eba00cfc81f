package org.excitrack.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a protocol into tokens. Words may contain letters, digits, '_', 'µ' and '°' (so units such as
 * µs and °C are words); {@code #} starts a comment; line ends are tokens, because statements end there.
 * Bad characters and unterminated strings become ERROR tokens with a diagnostic, and lexing goes on.
 */
public final class Lexer {
    private static final int MAX_STRING = 10_000;
    private final SourceFile source;
    private final String text;
    private final List<Diagnostic> diagnostics;
    private int pos;

    public Lexer(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.text = source.text();
        this.diagnostics = diagnostics;
    }

    public List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = next();
            out.add(t);
            if (t.is(Token.Kind.EOF)) {
                return out;
            }
        }
    }

    private Token next() {
        skipSpaceAndComments();
        if (pos >= text.length()) {
            return token(Token.Kind.EOF, "", pos, pos);
        }
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\n') {
            pos++;
            return token(Token.Kind.NEWLINE, "\\n", start, pos);
        }
        if (c == '"' || c == '“' || c == '”') {
            return string(start);
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            return number(start);
        }
        if (isWordStart(c)) {
            while (pos < text.length() && isWordPart(text.charAt(pos))) {
                pos++;
            }
            return token(Token.Kind.WORD, text.substring(start, pos), start, pos);
        }
        pos++;
        return switch (c) {
            case '{' -> token(Token.Kind.LBRACE, "{", start, pos);
            case '}' -> token(Token.Kind.RBRACE, "}", start, pos);
            case '[' -> token(Token.Kind.LBRACKET, "[", start, pos);
            case ']' -> token(Token.Kind.RBRACKET, "]", start, pos);
            case '(' -> token(Token.Kind.LPAREN, "(", start, pos);
            case ')' -> token(Token.Kind.RPAREN, ")", start, pos);
            case ',' -> token(Token.Kind.COMMA, ",", start, pos);
            case ':' -> token(Token.Kind.COLON, ":", start, pos);
            case '%' -> text.startsWith("MSO", pos) && !continuesWord(pos + 3)
                    ? token(Token.Kind.WORD, "%MSO", start, pos += 3) : token(Token.Kind.PERCENT, "%", start, pos);
            case '+' -> token(Token.Kind.PLUS, "+", start, pos);
            case '-', '−' -> token(Token.Kind.MINUS, "-", start, pos);
            case '*', '×' -> token(Token.Kind.STAR, "*", start, pos);
            case '/' -> token(Token.Kind.SLASH, "/", start, pos);
            case '=' -> match('=') ? token(Token.Kind.EQ, "==", start, pos) : token(Token.Kind.EQUALS, "=", start, pos);
            case '<' -> match('=') ? token(Token.Kind.LE, "<=", start, pos) : token(Token.Kind.LT, "<", start, pos);
            case '>' -> match('=') ? token(Token.Kind.GE, ">=", start, pos) : token(Token.Kind.GT, ">", start, pos);
            case '≤' -> token(Token.Kind.LE, "<=", start, pos);
            case '≥' -> token(Token.Kind.GE, ">=", start, pos);
            case '!' -> {
                if (match('=')) {
                    yield token(Token.Kind.NE, "!=", start, pos);
                }
                yield error(start, "'!' on its own is not an operator", "write 'not' for negation or '!=' for 'differs'");
            }
            default -> error(start, "unexpected character '" + printable(c) + "'", null);
        };
    }

    private Token string(int start) {
        pos++;
        StringBuilder b = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"' || c == '”' || c == '“') {
                pos++;
                return token(Token.Kind.STRING, b.toString(), start, pos);
            }
            if (c == '\n') {
                break;
            }
            if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\\')) {
                pos++;
                c = text.charAt(pos);
            }
            if (b.length() < MAX_STRING) {
                b.append(c);
            }
            pos++;
        }
        diagnostics.add(Diagnostic.error(new Span(source, start, pos), "text starting here is never closed",
                "end it with \" on the same line"));
        return token(Token.Kind.STRING, b.toString(), start, pos);
    }

    private Token number(int start) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.' && pos + 1 < text.length()
                && Character.isDigit(text.charAt(pos + 1))) {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        } else if (pos < text.length() && text.charAt(pos) == '.' && (pos + 1 >= text.length()
                || !Character.isDigit(text.charAt(pos + 1)))) {
            pos++;
        }
        return token(Token.Kind.NUMBER, text.substring(start, pos), start, pos);
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\ufeff') {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private boolean match(char expected) {
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private Token error(int start, String message, String hint) {
        Span span = new Span(source, start, pos);
        diagnostics.add(hint == null ? Diagnostic.error(span, message) : Diagnostic.error(span, message, hint));
        return token(Token.Kind.ERROR, text.substring(start, pos), start, pos);
    }

    private Token token(Token.Kind kind, String value, int start, int end) {
        return new Token(kind, value, new Span(source, start, end));
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == 'µ' || c == 'μ' || c == '°';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** Whether a word character follows at {@code at}, so "%MSOx" is not read as the unit %MSO. */
    private boolean continuesWord(int at) {
        return at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_');
    }
}
