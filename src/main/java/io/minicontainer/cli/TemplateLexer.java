package io.minicontainer.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Go template into text and the tokens of its {@code {{actions}}}, trimming the text around
 * <code>{{- </code> and <code> -}}</code> and dropping {@code {{/* comments * /}}} as Go's text/template does.
 */
final class TemplateLexer {
    enum Kind { TEXT, LEFT, RIGHT, FIELD, DOT, VARIABLE, IDENT, STRING, NUMBER, BOOL, NIL, PIPE, LPAREN, RPAREN,
        DECLARE, ASSIGN, COMMA, EOF }

    /**
     * @param text        the source text: {@code .Name} for a field, {@code $x} for a variable
     * @param value       decoded literal: String, Long, Double or Boolean
     * @param spaceBefore whether white space separates it from the previous token (chains like
     *                    {@code (x).Field} have none)
     */
    record Token(Kind kind, String text, Object value, int pos, boolean spaceBefore) {}

    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean spaceBefore;

    private TemplateLexer(String input) {
        this.input = input;
    }

    static List<Token> lex(String input) {
        TemplateLexer lexer = new TemplateLexer(input);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        boolean trimLeading = false;
        while (pos < input.length()) {
            int open = input.indexOf("{{", pos);
            int textEnd = open < 0 ? input.length() : open;
            boolean trimTrailing = open >= 0 && input.startsWith("{{-", open)
                    && open + 3 < input.length() && isSpace(input.charAt(open + 3));
            String text = input.substring(pos, textEnd);
            if (trimLeading) {
                text = stripLeading(text);
            }
            if (trimTrailing) {
                text = stripTrailing(text);
            }
            if (!text.isEmpty()) {
                tokens.add(new Token(Kind.TEXT, text, text, pos, false));
            }
            if (open < 0) {
                pos = input.length();
                break;
            }
            pos = open + (trimTrailing ? 3 : 2);
            trimLeading = action(open);
        }
        tokens.add(new Token(Kind.EOF, "", null, input.length(), true));
    }

    /** Lexes one action after its opening delimiter; answers whether it ended with a trim marker. */
    private boolean action(int open) {
        skipSpace();
        if (input.startsWith("/*", pos)) {
            return comment(open);
        }
        tokens.add(new Token(Kind.LEFT, "{{", null, open, false));
        while (true) {
            spaceBefore = skipSpace() > 0;
            if (pos >= input.length()) {
                throw TemplateError.parse(input, open, "unclosed action");
            }
            if (input.startsWith("}}", pos) || rightTrimAhead()) {
                boolean trim = !input.startsWith("}}", pos);
                pos += trim ? 3 : 2;
                tokens.add(new Token(Kind.RIGHT, "}}", null, pos, spaceBefore));
                return trim;
            }
            token();
        }
    }

    private boolean comment(int open) {
        int end = input.indexOf("*/", pos + 2);
        if (end < 0) {
            throw TemplateError.parse(input, open, "unclosed comment");
        }
        pos = end + 2;
        if (input.startsWith("}}", pos)) {
            pos += 2;
            return false;
        }
        if (pos < input.length() && isSpace(input.charAt(pos)) && input.startsWith("-}}", pos + 1)) {
            pos += 4;
            return true;
        }
        throw TemplateError.parse(input, open, "comment ends before closing delimiter");
    }

    /** " -}}": the space is what tells a trim marker from a minus sign. */
    private boolean rightTrimAhead() {
        return spaceBefore && input.startsWith("-}}", pos);
    }

    private void token() {
        int start = pos;
        char c = input.charAt(pos);
        switch (c) {
            case '|' -> simple(Kind.PIPE, 1);
            case '(' -> simple(Kind.LPAREN, 1);
            case ')' -> simple(Kind.RPAREN, 1);
            case ',' -> simple(Kind.COMMA, 1);
            case '=' -> simple(Kind.ASSIGN, 1);
            case ':' -> {
                if (!input.startsWith(":=", pos)) {
                    throw TemplateError.parse(input, start, "expected :=");
                }
                simple(Kind.DECLARE, 2);
            }
            case '"' -> add(Kind.STRING, start, TemplateStrings.quoted(input, this::advanceTo, start));
            case '`' -> add(Kind.STRING, start, TemplateStrings.raw(input, this::advanceTo, start));
            case '\'' -> add(Kind.NUMBER, start, TemplateStrings.character(input, this::advanceTo, start));
            case '$' -> {
                pos++;
                skipWord();
                add(Kind.VARIABLE, start, null);
            }
            case '.' -> dotOrField(start);
            default -> other(c, start);
        }
    }

    private void dotOrField(int start) {
        if (pos + 1 < input.length() && Character.isDigit(input.charAt(pos + 1))) {
            number(start);
            return;
        }
        pos++;
        if (pos < input.length() && isWordChar(input.charAt(pos))) {
            skipWord();
            add(Kind.FIELD, start, null);
        } else {
            add(Kind.DOT, start, null);
        }
    }

    private void other(char c, int start) {
        boolean signed = (c == '+' || c == '-') && pos + 1 < input.length()
                && (Character.isDigit(input.charAt(pos + 1)) || input.charAt(pos + 1) == '.');
        if (Character.isDigit(c) || signed) {
            number(start);
        } else if (isWordChar(c)) {
            skipWord();
            String word = input.substring(start, pos);
            switch (word) {
                case "true", "false" -> add(Kind.BOOL, start, Boolean.valueOf(word));
                case "nil" -> add(Kind.NIL, start, null);
                default -> add(Kind.IDENT, start, null);
            }
        } else {
            throw TemplateError.parse(input, start, "unrecognized character in action: "
                    + TemplateStrings.describeChar(input.codePointAt(start)));
        }
    }

    private void number(int start) {
        pos++;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            char previous = input.charAt(pos - 1);
            boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(previous) >= 0
                    && !input.startsWith("0x", start) && !input.startsWith("0X", start);
            if (!isWordChar(c) && c != '.' && !exponentSign) {
                break;
            }
            pos++;
        }
        String text = input.substring(start, pos);
        add(Kind.NUMBER, start, TemplateStrings.number(input, start, text));
    }

    private void simple(Kind kind, int length) {
        int start = pos;
        pos += length;
        add(kind, start, null);
    }

    private void add(Kind kind, int start, Object value) {
        tokens.add(new Token(kind, input.substring(start, pos), value, start, spaceBefore));
    }

    private void advanceTo(int newPos) {
        pos = newPos;
    }

    private int skipSpace() {
        int start = pos;
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private void skipWord() {
        while (pos < input.length() && isWordChar(input.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }

    private static String stripTrailing(String text) {
        int i = text.length();
        while (i > 0 && isSpace(text.charAt(i - 1))) {
            i--;
        }
        return text.substring(0, i);
    }
}
