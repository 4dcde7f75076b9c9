package io.minicontainer.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The numbers of docker stats, printed as Go prints them: go-units' BytesSize ({@code 1.234MiB}, Go's
 * {@code %.4g}), HumanSizeWithPrecision ({@code 1.2kB}, {@code %.3g}), and {@code 12.34%}. Go's {@code %g}
 * is reproduced exactly, exponent form included ({@code 1e+03kB}), so the columns read the same as docker's.
 */
final class GoUnits {
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final int EXPONENT_FROM = -4;

    private GoUnits() {}

    /** go-units' BytesSize: 1024-based, 4 significant digits: {@code 1.434MiB}, {@code 7.667GiB}, {@code 0B}. */
    static String bytesSize(double size) {
        return sized(size, 1024, BINARY, 4);
    }

    /** go-units' HumanSizeWithPrecision: 1000-based: {@code 1.2kB}, {@code 648B}. */
    static String humanSize(double size, int precision) {
        return sized(size, 1000, DECIMAL, precision);
    }

    private static String sized(double size, double base, String[] units, int precision) {
        int unit = 0;
        while (size >= base && unit < units.length - 1) {
            size /= base;
            unit++;
        }
        return formatG(size, precision) + units[unit];
    }

    /** docker's formatPercentage: strconv.FormatFloat(v, 'f', 2, 64) and a percent sign. */
    static String percentage(double value) {
        if (!Double.isFinite(value)) {
            return (Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf") + "%";
        }
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** Go's {@code %.Ng}: at most N significant digits, no trailing zeros, exponent form for large or tiny values. */
    static String formatG(double value, int precision) {
        int prec = Math.max(precision, 1);
        String sign = value < 0 ? "-" : "";
        BigDecimal exact = new BigDecimal(Math.abs(value));
        String digits = "";
        int point = 0; // where the decimal point goes, counted in digits from the left (Go's dp)
        if (exact.signum() != 0) {
            BigDecimal rounded = exact.round(new MathContext(prec, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            digits = rounded.unscaledValue().toString();
            point = digits.length() - rounded.scale();
        }
        int count = digits.length();
        int exponentPrecision = prec > count && count >= point ? count : prec;
        int exponent = point - 1;
        if (exponent < EXPONENT_FROM || exponent >= exponentPrecision) {
            return sign + exponentForm(digits, point, Math.min(prec, count) - 1);
        }
        int fixedPrecision = prec > point ? count : prec;
        return sign + fixedForm(digits, point, Math.max(fixedPrecision - point, 0));
    }

    private static String exponentForm(String digits, int point, int decimals) {
        StringBuilder text = new StringBuilder().append(digits.isEmpty() ? '0' : digits.charAt(0));
        if (decimals > 0) {
            text.append('.');
            for (int i = 1; i <= decimals; i++) {
                text.append(i < digits.length() ? digits.charAt(i) : '0');
            }
        }
        int exponent = digits.isEmpty() ? 0 : point - 1;
        text.append(exponent < 0 ? "e-" : "e+");
        int magnitude = Math.abs(exponent);
        return text.append(magnitude < 10 ? "0" : "").append(magnitude).toString();
    }

    private static String fixedForm(String digits, int point, int decimals) {
        StringBuilder text = new StringBuilder();
        if (point > 0) {
            int whole = Math.min(digits.length(), point);
            text.append(digits, 0, whole).append("0".repeat(point - whole));
        } else {
            text.append('0');
        }
        if (decimals > 0) {
            text.append('.');
            for (int i = 0; i < decimals; i++) {
                int at = point + i;
                text.append(at >= 0 && at < digits.length() ? digits.charAt(at) : '0');
            }
        }
        return text.toString();
    }
}
