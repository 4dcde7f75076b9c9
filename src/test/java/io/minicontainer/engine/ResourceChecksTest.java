package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What docker's daemon refuses in resources, each with its message. */
class ResourceChecksTest {
    private static final HostCpus FOUR = new HostCpus(4, "0-3");

    private static HostResources run(Map<String, String> flags) {
        return ResourceFlags.forRun(flags, FOUR);
    }

    @Test
    void memoryBelowSixMegabytesIsRefused() {
        assertThatThrownBy(() -> run(Map.of("memory", "4m"))).isInstanceOf(EngineException.class)
                .hasMessage("Minimum memory limit allowed is 6MB");
        assertThatThrownBy(() -> run(Map.of("memory", "6291455"))).hasMessage("Minimum memory limit allowed is 6MB");
        assertThat(run(Map.of("memory", "6m")).memory()).isEqualTo(6291456);
        assertThat(run(Map.of("memory", "0")).memory()).isZero();
    }

    @Test
    void swapMustBeAtLeastTheMemory() {
        assertThatThrownBy(() -> run(Map.of("memory", "64m", "memory-swap", "32m")))
                .hasMessage("Minimum memoryswap limit should be larger than memory limit, see usage");
        assertThat(run(Map.of("memory", "64m", "memory-swap", "64m")).memorySwap()).isEqualTo(64L << 20);
    }

    @Test
    void swapNeedsMemoryOnRunButNotOnUpdate() {
        assertThatThrownBy(() -> run(Map.of("memory-swap", "64m")))
                .hasMessage("You should always set the Memory limit when using Memoryswap limit, see usage");
        assertThat(run(Map.of("memory-swap", "-1")).memorySwap()).isEqualTo(-1);
        assertThatCode(() -> ResourceChecks.check(ResourceFlags.forUpdate(Map.of("memory-swap", "64m")), FOUR, true))
                .doesNotThrowAnyException();
    }

    @Test
    void reservationHasAFloorAndACeiling() {
        assertThatThrownBy(() -> run(Map.of("memory-reservation", "1m")))
                .hasMessage("Minimum memory reservation allowed is 6MB");
        assertThatThrownBy(() -> run(Map.of("memory", "64m", "memory-reservation", "128m")))
                .hasMessage("Minimum memory limit can not be less than memory reservation limit, see usage");
        assertThat(run(Map.of("memory", "64m", "memory-reservation", "32m")).memoryReservation()).isEqualTo(32L << 20);
        assertThat(run(Map.of("memory-reservation", "32m")).memoryReservation()).isEqualTo(32L << 20);
    }

    @Test
    void cpusExcludePeriodAndQuota() {
        assertThatThrownBy(() -> run(Map.of("cpus", "1", "cpu-period", "50000")))
                .hasMessage("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        assertThatThrownBy(() -> run(Map.of("cpus", "1", "cpu-quota", "50000")))
                .hasMessage("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    }

    @ParameterizedTest
    @CsvSource({"99", "4.01", "-1", "-0.5", "0.001", "0.009999999"})
    void cpusOutsideTheHostsRangeAreRefused(String cpus) {
        assertThatThrownBy(() -> run(Map.of("cpus", cpus)))
                .hasMessage("range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available");
    }

    @Test
    void theRangeNamesTheHostsCpus() {
        assertThatThrownBy(() -> ResourceFlags.forRun(Map.of("cpus", "2"), new HostCpus(1, "0")))
                .hasMessage("range of CPUs is from 0.01 to 1.00, as there are only 1 CPUs available");
    }

    @ParameterizedTest
    @CsvSource({"0.01, 10000000", "4, 4000000000", "2.5, 2500000000", "0, 0"})
    void cpusWithinTheRangeAreTaken(String cpus, long nanos) {
        assertThat(run(Map.of("cpus", cpus)).nanoCpus()).isEqualTo(nanos);
    }

    @Test
    void negativeSharesAreRefused() {
        assertThatThrownBy(() -> run(Map.of("cpu-shares", "-5")))
                .hasMessage("invalid CPU shares (-5): value must be a positive integer");
        assertThat(run(Map.of("cpu-shares", "1")).cpuShares()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"999", "1000001", "-1"})
    void aPeriodOutsideOneMillisecondToOneSecondIsRefused(String period) {
        assertThatThrownBy(() -> run(Map.of("cpu-period", period)))
                .hasMessage("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
    }

    @Test
    void aQuotaBelowOneMillisecondIsRefusedButMinusOneIsUnlimited() {
        assertThatThrownBy(() -> run(Map.of("cpu-quota", "999")))
                .hasMessage("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        assertThat(run(Map.of("cpu-quota", "-1")).cpuQuota()).isEqualTo(-1);
        assertThat(run(Map.of("cpu-period", "1000", "cpu-quota", "1000")).cpuPeriod()).isEqualTo(1000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0", "0-3", "3,1", "0-0,0,1-2", "03,1-3", "+2"})
    void cpusetsOfOnlineCpusAreTaken(String cpuset) {
        assertThat(run(Map.of("cpuset-cpus", cpuset)).cpusetCpus()).isEqualTo(cpuset);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"4", "0-4", "1,7"})
    void cpusetsBeyondTheOnlineOnesAreRefused(String cpuset) {
        assertThatThrownBy(() -> run(Map.of("cpuset-cpus", cpuset)))
                .hasMessage("Requested CPUs are not available - requested " + cpuset + ", available: 0-3");
    }

    @Test
    void theAvailableCpusAreTheOnlineList() {
        assertThatThrownBy(() -> ResourceFlags.forRun(Map.of("cpuset-cpus", "1"), new HostCpus(3, "0,2-3")))
                .hasMessage("Requested CPUs are not available - requested 1, available: 0,2-3");
        assertThat(ResourceFlags.forRun(Map.of("cpuset-cpus", "2,3"), new HostCpus(3, "0,2-3")).cpusetCpus())
                .isEqualTo("2,3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a", "0-x", "3-1", "-1", "1,", ",1", "1--2", "0-1-2", "'1 '"})
    void malformedCpusetsAreInvalid(String cpuset) {
        assertThatThrownBy(() -> run(Map.of("cpuset-cpus", cpuset)))
                .hasMessage("Invalid value " + cpuset + " for cpuset cpus: invalid format: " + cpuset);
    }

    @Test
    void cpusetsPastTheUsualMaximumAreOutOfRange() {
        assertThatThrownBy(() -> run(Map.of("cpuset-cpus", "0-99999999999")))
                .hasMessage("Invalid value 0-99999999999 for cpuset cpus: value of out range, maximum is 8192");
    }

    @Test
    void cpuListsExpandRanges() {
        assertThat(ResourceChecks.cpuList("0-2,4,2", 0)).containsExactly(0, 1, 2, 4);
        assertThat(ResourceChecks.cpuList("", 0)).isEmpty();
    }
}
