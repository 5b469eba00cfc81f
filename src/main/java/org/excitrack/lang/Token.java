package org.excitrack.lang;

/** One lexical token. Numbers keep their text, so messages can quote exactly what was written. */
public record Token(Kind kind, String text, Span span) {
    public enum Kind {
        WORD, STRING, NUMBER, PERCENT,
        LBRACE, RBRACE, LBRACKET, RBRACKET, LPAREN, RPAREN, COMMA, COLON, EQUALS,
        LT, LE, GT, GE, EQ, NE, PLUS, MINUS, STAR, SLASH,
        NEWLINE, EOF, ERROR
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    public String describe() {
        return switch (kind) {
            case NEWLINE -> "end of line";
            case EOF -> "end of file";
            case STRING -> "text \"" + text + "\"";
            case WORD -> "'" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
