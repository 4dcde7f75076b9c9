package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.oci.Spec;
import io.minicontainer.runtime.RlimitType;
import org.junit.jupiter.api.Test;

/** The engine's own hard limits, and which container limits it cannot set without CAP_SYS_RESOURCE. */
class HostLimitsTest {
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max core file size        0                    unlimited            bytes
            Max processes             96365                96365                processes
            Max open files            20000                20000                files
            Max nice priority         0                    0
            """;
    private static final String WITHOUT_SYS_RESOURCE = "Name:\tjava\nCapEff:\t000001fffeffffff\n";
    private static final String WITH_SYS_RESOURCE = "CapEff:\t000001ffffffffff\n";

    @Test
    void hardLimitsAreReadByRow() {
        HostLimits limits = HostLimits.parse(LIMITS, WITHOUT_SYS_RESOURCE);
        assertThat(limits.hard()).containsEntry(RlimitType.RLIMIT_NOFILE, 20000L).containsEntry(RlimitType.RLIMIT_CPU, -1L)
                .containsEntry(RlimitType.RLIMIT_NICE, 0L).containsEntry(RlimitType.RLIMIT_NPROC, 96365L);
        assertThat(limits.canRaise()).isFalse();
        assertThat(HostLimits.parse(LIMITS, WITH_SYS_RESOURCE).canRaise()).isTrue();
    }

    @Test
    void aHardLimitAboveOursIsRefusedUnlessWeMayRaiseIt() {
        HostLimits limits = HostLimits.parse(LIMITS, WITHOUT_SYS_RESOURCE);
        assertThat(limits.refusal(new Spec.Rlimit("RLIMIT_NOFILE", 20000, 1024))).isEmpty();
        assertThat(limits.refusal(new Spec.Rlimit("RLIMIT_CORE", -1, -1))).isEmpty();
        assertThat(limits.refusal(new Spec.Rlimit("RLIMIT_NOFILE", 20001, 1024))).contains("ulimit nofile=1024:20001:"
                + " the hard limit is above this engine's own (20000) and raising it needs CAP_SYS_RESOURCE");
        assertThat(limits.refusal(new Spec.Rlimit("RLIMIT_NOFILE", -1, -1))).isPresent();
        assertThat(HostLimits.parse(LIMITS, WITH_SYS_RESOURCE).refusal(new Spec.Rlimit("RLIMIT_NOFILE", -1, -1))).isEmpty();
    }
}
