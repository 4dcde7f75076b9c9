package io.minicontainer.engine;

import java.math.BigInteger;

/** Go's strconv.ParseInt(s, 0, 64), which docker's integer flags use: {@code 42}, {@code -1}, {@code 0x10}, {@code 1_000}. */
final class GoIntegers {
    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger INT64_CUTOFF = BigInteger.ONE.shiftLeft(63);

    private GoIntegers() {}

    /** @throws IllegalArgumentException {@code strconv.ParseInt: parsing "x": invalid syntax} (or value out of range) */
    static long parseInt64(String text) {
        if (text.isEmpty()) {
            throw syntax(text);
        }
        boolean negative = text.charAt(0) == '-';
        String unsigned = text.charAt(0) == '+' || negative ? text.substring(1) : text;
        BigInteger magnitude = parseUnsigned(unsigned, text);
        if (!negative && magnitude.compareTo(INT64_CUTOFF) >= 0 || negative && magnitude.compareTo(INT64_CUTOFF) > 0) {
            throw range(text);
        }
        return negative ? magnitude.negate().longValue() : magnitude.longValue();
    }

    private static BigInteger parseUnsigned(String s, String original) {
        if (s.isEmpty()) {
            throw syntax(original);
        }
        int base = 10;
        String digits = s;
        if (s.charAt(0) == '0') {
            char prefix = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            base = prefix == 'b' ? 2 : prefix == 'o' ? 8 : prefix == 'x' ? 16 : 8;
            digits = prefix == 'b' || prefix == 'o' || prefix == 'x' ? s.substring(2) : s.substring(1);
        }
        BigInteger n = BigInteger.ZERO;
        boolean underscores = false;
        for (char c : digits.toCharArray()) {
            if (c == '_') {
                underscores = true;
                continue;
            }
            int digit = c < 128 ? Character.digit(c, 36) : -1;
            if (digit < 0 || digit >= base) {
                throw syntax(original);
            }
            n = n.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(digit));
            if (n.compareTo(UINT64_LIMIT) >= 0) {
                throw range(original); // Go stops at the first overflow
            }
        }
        if (underscores && !underscoresSeparateDigits(s)) {
            throw syntax(original);
        }
        return n;
    }

    /** Go's underscoreOK: each underscore between two digits (a base prefix counts as one). */
    private static boolean underscoresSeparateDigits(String s) {
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c) && c < 128 || hex && "abcdef".indexOf(Character.toLowerCase(c)) >= 0) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    private static IllegalArgumentException syntax(String text) {
        return new IllegalArgumentException("strconv.ParseInt: parsing " + ResourceFlags.goQuote(text) + ": invalid syntax");
    }

    private static IllegalArgumentException range(String text) {
        return new IllegalArgumentException("strconv.ParseInt: parsing " + ResourceFlags.goQuote(text)
                + ": value out of range");
    }
}
