package io.minicontainer.image.registry;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge, such as
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"}.
 *
 * @param scheme lower case: {@code basic} or {@code bearer} (others are parsed but not answered)
 */
record Challenge(String scheme, Map<String, String> params) {
    Challenge {
        params = Map.copyOf(params);
    }

    /** The challenge to answer: Bearer when offered, then Basic, then whatever came first. */
    static Optional<Challenge> from(HttpHeaders headers) {
        List<Challenge> all = new ArrayList<>();
        headers.allValues("WWW-Authenticate").forEach(value -> all.addAll(parse(value)));
        return all.stream().filter(Challenge::isBearer).findFirst()
                .or(() -> all.stream().filter(Challenge::isBasic).findFirst())
                .or(() -> all.stream().findFirst());
    }

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    boolean isBasic() {
        return scheme.equals("basic");
    }

    /** A parameter's value, "" when absent. */
    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** All challenges of one header value (RFC 9110 §11.6.1): {@code scheme k=v, k="quoted, \"v\"", scheme2 ...}. */
    static List<Challenge> parse(String header) {
        List<Challenge> challenges = new ArrayList<>();
        Cursor in = new Cursor(header);
        String scheme = in.token();
        while (!scheme.isEmpty()) {
            Map<String, String> params = new LinkedHashMap<>();
            String next = "";
            while (in.skipSeparators()) {
                String name = in.token();
                if (!in.consume('=')) {
                    next = name; // a token without '=' starts the next challenge
                    break;
                }
                params.put(name.toLowerCase(Locale.ROOT), in.value());
            }
            challenges.add(new Challenge(scheme.toLowerCase(Locale.ROOT), params));
            scheme = next;
        }
        return challenges;
    }

    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        /** Skips spaces and commas; false at the end. */
        boolean skipSeparators() {
            while (at < text.length() && (text.charAt(at) == ',' || Character.isWhitespace(text.charAt(at)))) {
                at++;
            }
            return at < text.length();
        }

        String token() {
            skipSeparators();
            int start = at;
            while (at < text.length() && "=, \t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at);
        }

        boolean consume(char expected) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at < text.length() && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        String value() {
            if (!consume('"')) {
                return token();
            }
            StringBuilder value = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                value.append(c == '\\' && at < text.length() ? text.charAt(at++) : c);
            }
            at++; // the closing quote
            return value.toString();
        }
    }
}
