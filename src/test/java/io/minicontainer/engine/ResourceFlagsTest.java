package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker's resource flag syntax: go-units sizes, exact CPUs, Go integers, and pflag's messages. */
class ResourceFlagsTest {
    private static final HostCpus FOUR = new HostCpus(4, "0-3");

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1024, 1024",
        "6m, 6291456",
        "6M, 6291456",
        "6mb, 6291456",
        "6MiB, 6291456",
        "6 m, 6291456",
        "512k, 524288",
        "1g, 1073741824",
        "1.5g, 1610612736",
        "1t, 1099511627776",
        "1p, 1125899906842624",
        "100b, 100",
        "100B, 100",
        "1e3, 1000",
        "'1 ', 1",
        ".5k, 512"})
    void sizesAreRamInBytes(String text, long bytes) {
        assertThat(ResourceFlags.ramInBytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|invalid size: 'abc'",
        "''|invalid size: ''",
        "-1|invalid size: '-1'",
        "1x|invalid suffix: 'x'",
        "1KB2|strconv.ParseFloat: parsing \"1KB2\": invalid syntax",
        "1kib b|strconv.ParseFloat: parsing \"1kib\": invalid syntax",
        "1Kx|invalid suffix: 'kx'",
        "1kiB|1024",
        "1mbb|invalid suffix: 'mbb'",
        "1bb|invalid suffix: 'bb'",
        "1.5.5|strconv.ParseFloat: parsing \"1.5.5\": invalid syntax",
        "g1|strconv.ParseFloat: parsing \"g1\": invalid syntax",
        "1e400|strconv.ParseFloat: parsing \"1e400\": value out of range"})
    void badSizesAreWordedLikeGoUnits(String text, String message) {
        if (message.matches("\\d+")) {
            assertThat(ResourceFlags.ramInBytes(text)).isEqualTo(Long.parseLong(message));
            return;
        }
        assertThatThrownBy(() -> ResourceFlags.ramInBytes(text)).hasMessage(message);
    }

    @Test
    void aSizeBeyondInt64BecomesWhatGoMakesOfIt() {
        assertThat(ResourceFlags.ramInBytes("100000000p")).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @CsvSource({"1.5, 1500000000", "0.25, 250000000", "3/4, 750000000", "2e-1, 200000000", "-1, -1000000000",
        "+2, 2000000000", ".5, 500000000", "1., 1000000000", "0.000000001, 1", "0, 0"})
    void cpusAreExactRationals(String text, long nanos) {
        assertThat(ResourceFlags.parseCpus(text)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|failed to parse abc as a rational number",
        "1/0|failed to parse 1/0 as a rational number",
        "' 1'|failed to parse  1 as a rational number",
        "1/3|value is too precise",
        "0.0000000001|value is too precise"})
    void badCpusAreWordedLikeDocker(String text, String message) {
        assertThatThrownBy(() -> ResourceFlags.parseCpus(text)).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"42, 42", "-1, -1", "+7, 7", "0x10, 16", "0X1f, 31", "010, 8", "0b101, 5", "0o17, 15", "1_000, 1000",
        "0x_1, 1", "9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808"})
    void integersAreGoParseIntWithBaseZero(String text, long value) {
        assertThat(GoIntegers.parseInt64(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"''", "08", "_1", "1__0", "0x", "abc", "1.5", "+", "-"})
    void badIntegersAreSyntaxErrors(String text) {
        assertThatThrownBy(() -> GoIntegers.parseInt64(text))
                .hasMessage("strconv.ParseInt: parsing \"" + text + "\": invalid syntax");
    }

    @ParameterizedTest
    @CsvSource({"9223372036854775808", "-9223372036854775809", "99999999999999999999x"})
    void hugeIntegersAreOutOfRange(String text) {
        assertThatThrownBy(() -> GoIntegers.parseInt64(text))
                .hasMessage("strconv.ParseInt: parsing \"" + text + "\": value out of range");
    }

    @Test
    void everyFlagIsNamedAsPflagNamesIt() {
        assertThatThrownBy(() -> ResourceFlags.forRun(Map.of("memory", "abc"), FOUR))
                .isInstanceOf(ResourceFlags.InvalidFlag.class)
                .hasMessage("invalid argument \"abc\" for \"-m, --memory\" flag: invalid size: 'abc'");
        assertThatThrownBy(() -> ResourceFlags.forRun(Map.of("memory-swap", "-2"), FOUR))
                .hasMessage("invalid argument \"-2\" for \"--memory-swap\" flag: invalid size: '-2'");
        assertThatThrownBy(() -> ResourceFlags.forRun(Map.of("memory-reservation", "1q"), FOUR))
                .hasMessage("invalid argument \"1q\" for \"--memory-reservation\" flag: invalid suffix: 'q'");
        assertThatThrownBy(() -> ResourceFlags.forRun(Map.of("cpus", "x"), FOUR))
                .hasMessage("invalid argument \"x\" for \"--cpus\" flag: failed to parse x as a rational number");
        assertThatThrownBy(() -> ResourceFlags.forRun(Map.of("cpu-shares", "lots"), FOUR))
                .hasMessage("invalid argument \"lots\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"lots\":"
                        + " invalid syntax");
        assertThatThrownBy(() -> ResourceFlags.forRun(Map.of("cpu-period", "1.5"), FOUR))
                .hasMessage("invalid argument \"1.5\" for \"--cpu-period\" flag: strconv.ParseInt: parsing \"1.5\":"
                        + " invalid syntax");
        assertThatThrownBy(() -> ResourceFlags.forUpdate(Map.of("cpu-quota", "q")))
                .hasMessageStartingWith("invalid argument \"q\" for \"--cpu-quota\" flag: ");
        assertThatThrownBy(() -> ResourceFlags.forUpdate(Map.of("pids-limit", "\"many\"")))
                .hasMessage("invalid argument \"\\\"many\\\"\" for \"--pids-limit\" flag: strconv.ParseInt: parsing"
                        + " \"\\\"many\\\"\": invalid syntax");
    }

    @Test
    void runRecordsDockersDefaultSwapOfTwiceTheMemory() {
        HostResources resources = ResourceFlags.forRun(Map.of("memory", "64m"), FOUR);

        assertThat(resources.memory()).isEqualTo(64L << 20);
        assertThat(resources.memorySwap()).isEqualTo(128L << 20);
        assertThat(ResourceFlags.forRun(Map.of("memory", "64m", "memory-swap", "-1"), FOUR).memorySwap()).isEqualTo(-1);
        assertThat(ResourceFlags.forRun(Map.of("memory", "64m", "memory-swap", "100m"), FOUR).memorySwap())
                .isEqualTo(100L << 20);
    }

    @Test
    void everyFlagLandsInItsField() {
        HostResources resources = ResourceFlags.forRun(Map.of("memory", "1g", "memory-swap", "2g",
                "memory-reservation", "512m", "cpus", "1.5", "cpu-shares", "512", "cpuset-cpus", "0-2",
                "pids-limit", "100"), FOUR);

        assertThat(resources).isEqualTo(new HostResources(1L << 30, 2L << 30, 512L << 20, 1_500_000_000L, 512, 0, 0,
                "0-2", OptionalLong.of(100)));
        assertThat(ResourceFlags.forRun(Map.of("cpu-period", "50000", "cpu-quota", "25000"), FOUR))
                .isEqualTo(new HostResources(0, 0, 0, 0, 0, 50000, 25000, "", OptionalLong.empty()));
        assertThat(ResourceFlags.forRun(Map.of(), FOUR).isEmpty()).isTrue();
    }

    @Test
    void runTakesAPidsLimitOfZeroOrLessAsNone() {
        assertThat(ResourceFlags.forRun(Map.of("pids-limit", "0"), FOUR).pidsLimit()).isEmpty();
        assertThat(ResourceFlags.forRun(Map.of("pids-limit", "-1"), FOUR).pidsLimit()).isEmpty();
    }

    @Test
    void updateLeavesPidsAloneAtZeroAndRecordsUnlimitedAsZero() {
        assertThat(ResourceFlags.forUpdate(Map.of("pids-limit", "0")).pidsLimit()).isEmpty();
        assertThat(ResourceFlags.forUpdate(Map.of("pids-limit", "-1")).pidsLimit()).hasValue(0);
        assertThat(ResourceFlags.forUpdate(Map.of("pids-limit", "-5")).pidsLimit()).hasValue(0);
        assertThat(ResourceFlags.forUpdate(Map.of("pids-limit", "20")).pidsLimit()).hasValue(20);
    }

    @Test
    void updateKeepsTheSwapAsGivenAndChecksNothingYet() {
        HostResources resources = ResourceFlags.forUpdate(Map.of("memory", "1m"));

        assertThat(resources.memory()).isEqualTo(1L << 20);
        assertThat(resources.memorySwap()).isZero();
    }
}
