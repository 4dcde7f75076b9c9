package io.minicontainer.cli;

import java.util.List;

/** Go's eq, ne, lt, le, gt, ge for template data; integers and floats compare by value. */
final class TemplateComparisons {
    private TemplateComparisons() {}

    /** {@code eq a b c}: whether {@code a} equals any of the others. */
    static boolean eq(Object first, List<Object> others) {
        if (others.isEmpty()) {
            throw TemplateError.failure("missing argument for comparison");
        }
        for (Object other : others) {
            if (equal(first, other)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return isInteger(x) && isInteger(y) ? x.longValue() == y.longValue() : x.doubleValue() == y.doubleValue();
        }
        if (!kind(a).equals(kind(b))) {
            throw TemplateError.failure("incompatible types for comparison");
        }
        if (!(a instanceof String || a instanceof Boolean)) {
            throw TemplateError.failure("non-comparable type " + GoValues.print(a) + ": " + GoValues.typeName(a));
        }
        return a.equals(b);
    }

    /** Ordering for lt, le, gt, ge: numbers or strings only. */
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return isInteger(x) && isInteger(y) ? Long.compare(x.longValue(), y.longValue())
                    : Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a == null || b == null || !kind(a).equals(kind(b))) {
            throw TemplateError.failure("incompatible types for comparison");
        }
        throw TemplateError.failure("invalid type for comparison");
    }

    private static boolean isInteger(Number number) {
        return number instanceof Long || number instanceof Integer;
    }

    private static String kind(Object value) {
        return value instanceof Number ? "number" : GoValues.typeName(value);
    }
}
