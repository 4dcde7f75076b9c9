package io.minicontainer.image.registry;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Failed responses as one line, in the registry's own words when it gave some:
 * {@code {"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}}
 * reads {@code denied: requested access to the resource is denied}, as docker prints it.
 */
final class ErrorBodies {
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_TEXT = 200;

    private ErrorBodies() {}

    /** {@code context: HTTP 500: unknown: boom}; reads (a bounded part of) the body and closes it. */
    static RegistryException failure(String context, HttpResponse<InputStream> response) {
        String detail = detail(response);
        return new RegistryException(response.statusCode(),
                context + ": HTTP " + response.statusCode() + (detail.isEmpty() ? "" : ": " + detail));
    }

    /** The registry's words from the body, or "" when it said nothing useful; closes the body. */
    static String detail(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return describe(body.readNBytes(MAX_BODY));
        } catch (IOException e) {
            return "";
        }
    }

    static String describe(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "";
        }
        try {
            String fromJson = fromJson(JsonObject.of(Json.parse(text), "error"));
            if (!fromJson.isEmpty()) {
                return fromJson.replaceAll("\\s+", " ");
            }
        } catch (JsonException notJson) {
            // plain text (an HTML page from a proxy, say): its first line, shortened
        }
        String firstLine = text.lines().findFirst().orElse("").strip();
        return firstLine.length() > MAX_TEXT ? firstLine.substring(0, MAX_TEXT) + "..." : firstLine;
    }

    /** The distribution spec's {@code errors}, or the {@code details}/{@code error}/{@code message} token services use. */
    private static String fromJson(JsonObject json) {
        List<String> parts = new ArrayList<>();
        for (JsonObject error : json.objects("errors")) {
            String code = error.string("code", "").toLowerCase(Locale.ROOT).replace('_', ' ');
            String message = error.string("message", "");
            parts.add(code.isEmpty() || code.equals(message) ? message : message.isEmpty() ? code : code + ": " + message);
        }
        if (!parts.isEmpty()) {
            return String.join("; ", parts);
        }
        for (String key : List.of("details", "error_description", "error", "message")) {
            if (json.has(key) && json.string(key, null) != null) {
                return json.string(key);
            }
        }
        return "";
    }
}
