package io.minicontainer.engine;

import io.minicontainer.runtime.LaunchOptions.LogLimits;
import java.util.List;
import java.util.Locale;

/** docker's {@code --log-opt max-size=10m --log-opt max-file=3}, for the monitor's log rotation. */
final class LogOptions {
    private LogOptions() {}

    static LogLimits parse(List<String> options) {
        long maxSize = 0;
        int maxFile = 1;
        boolean fileGiven = false;
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new EngineException("invalid log opt '" + option + "': expected key=value");
            }
            String key = option.substring(0, eq);
            String value = option.substring(eq + 1);
            switch (key) {
                case "max-size" -> maxSize = size(value);
                case "max-file" -> {
                    maxFile = count(value);
                    fileGiven = true;
                }
                default -> throw new EngineException("unknown log opt '" + key + "' (max-size and max-file are supported)");
            }
        }
        if (fileGiven && maxFile > 1 && maxSize == 0) {
            throw new EngineException("max-file cannot be set without max-size");
        }
        return new LogLimits(maxSize, maxFile);
    }

    /** docker's RAMInBytes: a number with an optional b, k, m, g (binary units), -1 for unlimited. */
    static long size(String value) {
        String text = value.toLowerCase(Locale.ROOT).strip();
        if (text.equals("-1")) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?").matcher(text);
        if (!m.matches()) {
            throw new EngineException("invalid max-size '" + value + "': expected a size such as 10m");
        }
        long unit = switch (m.group(2)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            default -> 1;
        };
        long bytes = (long) (Double.parseDouble(m.group(1)) * unit);
        if (bytes <= 0) {
            throw new EngineException("invalid max-size '" + value + "': must be positive");
        }
        return bytes;
    }

    private static int count(String value) {
        try {
            int files = Integer.parseInt(value);
            if (files < 1) {
                throw new EngineException("invalid max-file '" + value + "': must be at least 1");
            }
            return files;
        } catch (NumberFormatException e) {
            throw new EngineException("invalid max-file '" + value + "': not a number");
        }
    }
}
