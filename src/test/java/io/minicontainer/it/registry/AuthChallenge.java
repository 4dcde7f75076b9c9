package io.minicontainer.it.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code WWW-Authenticate} header: {@code Bearer realm="...",service="...",scope="repository:a:pull,push"}.
 * Quoted values may hold commas, so the header is read character by character, not split.
 */
public record AuthChallenge(String scheme, Map<String, String> params) {
    public static AuthChallenge parse(String header) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? header.length() : space + 1;
        while (i < header.length()) {
            while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == ',')) {
                i++;
            }
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = header.substring(i, eq).trim().toLowerCase();
            StringBuilder value = new StringBuilder();
            i = eq + 1;
            if (i < header.length() && header.charAt(i) == '"') {
                for (i++; i < header.length() && header.charAt(i) != '"'; i++) {
                    if (header.charAt(i) == '\\' && i + 1 < header.length()) {
                        i++;
                    }
                    value.append(header.charAt(i));
                }
                i++;
            } else {
                for (; i < header.length() && header.charAt(i) != ','; i++) {
                    value.append(header.charAt(i));
                }
            }
            params.put(key, value.toString().trim());
        }
        return new AuthChallenge(scheme, params);
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }
}
