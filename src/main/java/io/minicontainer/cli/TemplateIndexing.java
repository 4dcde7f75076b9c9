package io.minicontainer.cli;

import java.util.List;
import java.util.Map;

/** Go's {@code index} and {@code slice} over lists, maps and strings. */
final class TemplateIndexing {
    private TemplateIndexing() {}

    /**
     * {@code index .Map "key"}, {@code index .List 0}, nested with more indexes. A missing key, or a key of a
     * null map, gives {@code ""}: docker's maps are {@code map[string]string} where this is the zero value.
     */
    static Object index(Object item, List<Object> indexes) {
        Object current = item;
        for (Object index : indexes) {
            current = indexOnce(current, index);
        }
        return current;
    }

    private static Object indexOnce(Object item, Object index) {
        if (item instanceof Map<?, ?> map) {
            if (!(index instanceof String key)) {
                throw TemplateError.failure("value has type " + GoValues.typeName(index) + "; should be string");
            }
            return map.containsKey(key) ? map.get(key) : "";
        }
        if (item instanceof List<?> list) {
            return list.get(position(index, list.size(), false));
        }
        if (item instanceof String text) {
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return (long) (bytes[position(index, bytes.length, false)] & 0xff);
        }
        if (item == null) {
            if (index instanceof String) {
                return "";
            }
            throw TemplateError.failure("index of untyped nil");
        }
        throw TemplateError.failure("can't index item of type " + GoValues.typeName(item));
    }

    /** {@code slice .List 1 3}, {@code slice .S 2}: Go's {@code x[1:3]}, {@code x[2:]}. */
    static Object slice(Object item, List<Object> bounds) {
        int length;
        if (item instanceof List<?> list) {
            length = list.size();
        } else if (item instanceof String text) {
            length = text.length();
            if (bounds.size() == 3) {
                throw TemplateError.failure("cannot 3-index slice a string");
            }
        } else {
            throw TemplateError.failure("can't slice item of type " + GoValues.typeName(item));
        }
        int from = bounds.isEmpty() ? 0 : position(bounds.get(0), length, true);
        int to = bounds.size() < 2 ? length : position(bounds.get(1), length, true);
        if (from > to) {
            throw TemplateError.failure("invalid slice index: " + from + " > " + to);
        }
        return item instanceof List<?> list ? List.copyOf(list.subList(from, to)) : ((String) item).substring(from, to);
    }

    /** An index within {@code [0, length)}, or {@code [0, length]} for a slice bound. */
    private static int position(Object index, int length, boolean bound) {
        if (!(index instanceof Long || index instanceof Integer)) {
            throw TemplateError.failure("cannot index slice/array with type " + GoValues.typeName(index));
        }
        long value = ((Number) index).longValue();
        if (value < 0 || value > length || (!bound && value == length)) {
            throw TemplateError.failure("index out of range: " + value);
        }
        return (int) value;
    }
}
