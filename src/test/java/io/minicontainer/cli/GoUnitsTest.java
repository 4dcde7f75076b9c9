package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's %g and FormatFloat, checked against what Go 1.19 prints for the same values. */
class GoUnitsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0, 0, 0.00",
        "1, 1, 1, 1.00",
        "1.5, 1.5, 1.5, 1.50",
        "100, 100, 100, 100.00",
        "1000, 1000, 1e+03, 1000.00",
        "1023, 1023, 1.02e+03, 1023.00",
        "999.95, 1000, 1e+03, 999.95",
        "999.6, 999.6, 1e+03, 999.60",
        "999.4, 999.4, 999, 999.40",
        "123456, 1.235e+05, 1.23e+05, 123456.00",
        "0.0001, 0.0001, 0.0001, 0.00",
        "0.00001, 1e-05, 1e-05, 0.00",
        "12.345, 12.35, 12.3, 12.35",
        "1.2345, 1.234, 1.23, 1.23",
        "1e21, 1e+21, 1e+21, 1000000000000000000000.00",
        "0.125, 0.125, 0.125, 0.12",
        "2.675, 2.675, 2.67, 2.67",
        "1.005, 1.005, 1, 1.00"})
    void formatsLikeGo(double value, String g4, String g3, String f2) {
        assertThat(GoUnits.formatG(value, 4)).isEqualTo(g4);
        assertThat(GoUnits.formatG(value, 3)).isEqualTo(g3);
        assertThat(GoUnits.percentage(value)).isEqualTo(f2 + "%");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0B",
        "1023, 1023B",
        "1024, 1KiB",
        "1536, 1.5KiB",
        "1503238, 1.434MiB",
        "8232370176, 7.667GiB",
        "1099511627776, 1TiB"})
    void bytesSizeIsBinaryWithFourDigits(long bytes, String expected) {
        assertThat(GoUnits.bytesSize(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0B",
        "648, 648B",
        "1200, 1.2kB",
        "999, 999B",
        "1000, 1kB",
        "12345678, 12.3MB",
        "999600, 1e+03kB",
        "3000000000, 3GB"})
    void humanSizeIsDecimalWithThreeDigits(long bytes, String expected) {
        assertThat(GoUnits.humanSize(bytes, 3)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"NaN, NaN%", "Infinity, +Inf%", "-Infinity, -Inf%", "-1.5, -1.50%", "250.004, 250.00%"})
    void percentagesOfOddValues(double value, String expected) {
        assertThat(GoUnits.percentage(value)).isEqualTo(expected);
    }
}
