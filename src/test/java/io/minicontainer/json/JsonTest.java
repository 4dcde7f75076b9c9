package io.minicontainer.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

    enum Signal { SIGTERM }

    @Test
    void parsesEveryKindOfValueIntoPlainJavaTypes() {
        Object parsed = Json.parse(" {\"s\": \"x\", \"i\": 7, \"d\": 0.5, \"t\": true, \"f\": false, \"n\": null,"
                + " \"a\": [], \"o\": {}} ");

        assertThat(parsed).isInstanceOf(LinkedHashMap.class);
        Map<String, Object> map = asMap(parsed);
        assertThat(map.get("s")).isEqualTo("x");
        assertThat(map.get("i")).isEqualTo(7L);
        assertThat(map.get("d")).isEqualTo(0.5);
        assertThat(map.get("t")).isEqualTo(true);
        assertThat(map.get("f")).isEqualTo(false);
        assertThat(map.containsKey("n")).isTrue();
        assertThat(map.get("n")).isNull();
        assertThat(map.get("a")).isInstanceOf(ArrayList.class).isEqualTo(List.of());
        assertThat(map.get("o")).isInstanceOf(LinkedHashMap.class);
        assertThat(Json.parse("null")).isNull();
        assertThat(Json.parse("\"top\"")).isEqualTo("top");
    }

    @Test
    void keepsMemberOrderAndLetsTheLastDuplicateWin() {
        Map<String, Object> map = asMap(Json.parse("{\"z\": 1, \"a\": 2, \"m\": 3, \"a\": 4}"));

        assertThat(map.keySet()).containsExactly("z", "a", "m");
        assertThat(map.get("a")).isEqualTo(4L);
    }

    @Test
    void roundTripsNestedStructures() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("empty", List.of());
        inner.put("nothing", null);
        inner.put("deeper", Map.of("list", List.of(List.of(1L, -2L), List.of(Map.of()))));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "c1 \"quoted\" \\ tab\t é 😀 \u2028");
        value.put("numbers", Arrays.asList(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, -2.5e-10, 1e300, null));
        value.put("flags", List.of(true, false));
        value.put("inner", inner);

        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
        assertThat(Json.parse(Json.writePretty(value))).isEqualTo(value);
    }

    @Test
    void parsesNumbers() {
        assertThat(Json.parse("-42")).isEqualTo(-42L);
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0")).isEqualTo(0L); // an integer literal that fits a long, so a Long
        assertThat(Json.parse("-0.0")).isEqualTo(-0.0);
        assertThat(Json.parse("1.5e3")).isEqualTo(1500.0);
        assertThat(Json.parse("2E-2")).isEqualTo(0.02);
        assertThat(Json.parse("1e+2")).isEqualTo(100.0);
        assertThat(Json.parse("10e0")).isInstanceOf(Double.class);
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(9.223372036854775808e18);
        assertThat(Json.parse("-123456789012345678901234567890")).isEqualTo(-1.2345678901234568e29);
    }

    @Test
    void parsesEscapesAndUnicode() {
        assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"")).isEqualTo("\" \\ / \b \f \n \r \t");
        assertThat(Json.parse("\"caf\\u00e9 \\u00C9\"")).isEqualTo("café É");
        assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("😀");
        assertThat(Json.parse("\"raw 😀 ü 漢字\"")).isEqualTo("raw 😀 ü 漢字");
        assertThat(Json.parse("\"\\u0000\\u001f\"")).isEqualTo("\u0000\u001f");
        assertThat(Json.parse("{\"k\\u0065y\": 1}")).isEqualTo(Map.of("key", 1L));
    }

    @Test
    void escapesWhatMustBeEscapedAndNothingElse() {
        assertThat(Json.write("\" \\ / \b \f \n \r \t")).isEqualTo("\"\\\" \\\\ / \\b \\f \\n \\r \\t\"");
        assertThat(Json.write("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\u007f\"");
        assertThat(Json.write("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
        assertThat(Json.write("é 😀 漢")).isEqualTo("\"é 😀 漢\"");
        assertThat(Json.write(Map.of("k\n", "v"))).isEqualTo("{\"k\\n\":\"v\"}");
    }

    @Test
    void keepsLoneSurrogatesAsEscapesSoTheyRoundTrip() {
        String lone = "x\ud83dy\ude00";

        assertThat(Json.write(lone)).isEqualTo("\"x\\ud83dy\\ude00\"");
        assertThat(Json.parse(Json.write(lone))).isEqualTo(lone);
    }

    @Test
    void writesSupportedJavaTypes() {
        assertThat(Json.write(null)).isEqualTo("null");
        assertThat(Json.write(new StringBuilder("sb"))).isEqualTo("\"sb\"");
        assertThat(Json.write(Signal.SIGTERM)).isEqualTo("\"SIGTERM\"");
        assertThat(Json.write(new Object[] {1, (short) 2, (byte) 3, "x"})).isEqualTo("[1,2,3,\"x\"]");
        assertThat(Json.write(new LinkedHashSet<>(List.of("a", "b")))).isEqualTo("[\"a\",\"b\"]");
        assertThat(Json.write(Map.of(5, true))).isEqualTo("{\"5\":true}");
        assertThat(Json.write(List.of(1.5, 100.0, 1e21, 0.1f))).isEqualTo("[1.5,100.0,1.0E21,0.1]");
        assertThat(Json.write(List.of(new BigInteger("123456789012345678901234567890"), new BigDecimal("1E+3"))))
                .isEqualTo("[123456789012345678901234567890,1E+3]");
        assertThat(Json.write(List.of())).isEqualTo("[]");
        assertThat(Json.write(Map.of())).isEqualTo("{}");
    }

    @Test
    void refusesValuesJsonCannotRepresent() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(JsonException.class)
                .hasMessage("cannot write NaN as JSON");
        assertThatThrownBy(() -> Json.write(List.of(Double.NEGATIVE_INFINITY))).hasMessage("cannot write -Infinity as JSON");
        assertThatThrownBy(() -> Json.write(Float.POSITIVE_INFINITY)).hasMessage("cannot write Infinity as JSON");
        assertThatThrownBy(() -> Json.write(Map.of("when", new Object())))
                .isInstanceOf(JsonException.class).hasMessage("cannot write java.lang.Object as JSON");
        assertThatThrownBy(() -> Json.write(new int[] {1})).hasMessage("cannot write [I as JSON");
    }

    @Test
    void refusesCyclicStructuresInsteadOfOverflowingTheStack() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);

        assertThatThrownBy(() -> Json.write(cycle)).isInstanceOf(JsonException.class)
                .hasMessageContaining("nested deeper than 512 levels");
    }

    @Test
    void writesPrettyOutputIndentedByTwoSpaces() {
        Object value = Json.parse("{\"name\":\"box\",\"args\":[\"sh\",\"-c\"],\"env\":{},\"mounts\":[],"
                + "\"limits\":{\"memory\":512,\"cpu\":1.5,\"pids\":[{\"max\":null}]},\"tty\":true}");

        assertThat(Json.writePretty(value)).isEqualTo("""
                {
                  "name": "box",
                  "args": [
                    "sh",
                    "-c"
                  ],
                  "env": {},
                  "mounts": [],
                  "limits": {
                    "memory": 512,
                    "cpu": 1.5,
                    "pids": [
                      {
                        "max": null
                      }
                    ]
                  },
                  "tty": true
                }""");
        assertThat(Json.write(value)).isEqualTo("{\"name\":\"box\",\"args\":[\"sh\",\"-c\"],\"env\":{},\"mounts\":[],"
                + "\"limits\":{\"memory\":512,\"cpu\":1.5,\"pids\":[{\"max\":null}]},\"tty\":true}");
        assertThat(Json.writePretty("scalar")).isEqualTo("\"scalar\"");
    }

    @Test
    void acceptsNestingUpToTheDepthLimit() {
        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

        assertThat(Json.write(Json.parse(deepest))).isEqualTo(deepest);
    }

    @Test
    void rejectsNestingBeyondTheDepthLimitWithAClearError() {
        String tooDeep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        String hostile = "{\"a\":".repeat(100_000);

        assertThatThrownBy(() -> Json.parse(tooDeep)).isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at line 1, column 513: nesting deeper than 512 levels");
        assertThatThrownBy(() -> Json.parse(hostile)).isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting deeper than 512 levels");
    }

    @Test
    void reportsLineAndColumnOnMultiLineInput() {
        String text = "{\n  \"a\": 1\n  \"b\": 2\n}";

        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at line 3, column 3: expected ',' or '}'");
    }

    @ParameterizedTest(name = "[{index}] {3}: \"{0}\"")
    @MethodSource("malformed")
    void rejectsMalformedInput(String text, int line, int column, String problem) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at line %d, column %d: %s", line, column, problem);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", 1, 1, "unexpected end of input, expected a value"),
                Arguments.of("  \n ", 2, 2, "unexpected end of input, expected a value"),
                Arguments.of("\"abc", 1, 1, "unterminated string"),
                Arguments.of("[\"ab\\", 1, 2, "unterminated string"),
                Arguments.of("[1,2,]", 1, 6, "expected a value"),
                Arguments.of("[1,,2]", 1, 4, "expected a value"),
                Arguments.of("{\"a\":1,}", 1, 8, "expected a string key"),
                Arguments.of("{a:1}", 1, 2, "expected a string key"),
                Arguments.of("{\"a\" 1}", 1, 6, "expected ':'"),
                Arguments.of("[1 2]", 1, 4, "expected ',' or ']'"),
                Arguments.of("{\"a\":1", 1, 7, "unexpected end of input, expected ',' or '}'"),
                Arguments.of("[", 1, 2, "unexpected end of input, expected a value"),
                Arguments.of("01", 1, 1, "leading zeros are not allowed"),
                Arguments.of("[-007]", 1, 2, "leading zeros are not allowed"),
                Arguments.of("1.", 1, 3, "unexpected end of input, expected a digit"),
                Arguments.of("1.e5", 1, 3, "expected a digit"),
                Arguments.of("-", 1, 2, "unexpected end of input, expected a digit"),
                Arguments.of("1e+", 1, 4, "unexpected end of input, expected a digit"),
                Arguments.of(".5", 1, 1, "expected a value"),
                Arguments.of("+1", 1, 1, "expected a value"),
                Arguments.of("1e999", 1, 1, "number out of range"),
                Arguments.of("hello", 1, 1, "expected a value"),
                Arguments.of("[tru]", 1, 2, "expected a value"),
                Arguments.of("NaN", 1, 1, "expected a value"),
                Arguments.of("'single'", 1, 1, "expected a value"),
                Arguments.of("/* comment */ 1", 1, 1, "expected a value"),
                Arguments.of("\ufeff{}", 1, 1, "expected a value"),
                Arguments.of("\"a\u0001b\"", 1, 3, "control character U+0001 must be escaped in a string"),
                Arguments.of("\"two\nlines\"", 1, 5, "control character U+000A must be escaped in a string"),
                Arguments.of("\"\\x\"", 1, 2, "invalid escape sequence '\\x'"),
                Arguments.of("\"\\u12G4\"", 1, 2, "invalid unicode escape, expected 4 hex digits after \\u"),
                Arguments.of("\"\\u12", 1, 2, "invalid unicode escape, expected 4 hex digits after \\u"),
                Arguments.of("[1] x", 1, 5, "unexpected characters after the JSON value"),
                Arguments.of("{}}", 1, 3, "unexpected characters after the JSON value"),
                Arguments.of("truex", 1, 5, "unexpected characters after the JSON value"),
                Arguments.of("1 2", 1, 3, "unexpected characters after the JSON value"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object parsed) {
        return (Map<String, Object>) parsed;
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> Json.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
