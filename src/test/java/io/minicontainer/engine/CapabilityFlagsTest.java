package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.runtime.Capability;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityFlagsTest {
    private static final List<String> DEFAULTS = DockerDefaults.CAPABILITIES;
    private static final List<String> ALL = Arrays.stream(Capability.values()).map(Capability::specName).toList();

    private static List<String> apply(List<String> add, List<String> drop) {
        return CapabilityFlags.apply(DEFAULTS, add, drop, false, ALL);
    }

    private static String mask(List<String> names) {
        return String.format("%016x", Capability.mask(names.stream().map(n -> Capability.byName(n).orElseThrow()).toList()));
    }

    @Test
    void namesMayOmitCapAndUseAnyCase() {
        assertThat(apply(List.of("net_admin", "CAP_SYS_TIME", "Sys_Ptrace"), List.of()))
                .containsAll(DEFAULTS).contains("CAP_NET_ADMIN", "CAP_SYS_TIME", "CAP_SYS_PTRACE").hasSize(17);
        assertThat(apply(List.of(), List.of("chown", "cap_kill"))).doesNotContain("CAP_CHOWN", "CAP_KILL").hasSize(12);
    }

    @Test
    void theDefaultSetIsDockersA80425fb() {
        assertThat(mask(apply(List.of(), List.of()))).isEqualTo("00000000a80425fb");
    }

    @Test
    void droppingAllKeepsOnlyTheAddedOnesAddingAllKeepsAllButTheDropped() {
        assertThat(apply(List.of("NET_RAW"), List.of("ALL"))).containsExactly("CAP_NET_RAW");
        assertThat(apply(List.of(), List.of("all"))).isEmpty();
        assertThat(apply(List.of("ALL"), List.of("MKNOD", "sys_admin"))).hasSize(ALL.size() - 2)
                .doesNotContain("CAP_MKNOD", "CAP_SYS_ADMIN");
        assertThat(apply(List.of("ALL", "NET_ADMIN"), List.of("ALL"))).isEqualTo(ALL);
    }

    @Test
    void aCapabilityBothAddedAndDroppedIsAddedWhateverTheOrder() {
        assertThat(apply(List.of("CHOWN", "SYS_TIME"), List.of("chown", "SYS_TIME"))).contains("CAP_CHOWN", "CAP_SYS_TIME");
    }

    @Test
    void privilegedGetsEveryAvailableCapabilityWhateverTheFlags() {
        List<String> available = ALL.stream().filter(c -> !c.equals("CAP_SYS_RESOURCE")).toList();
        assertThat(CapabilityFlags.apply(DEFAULTS, List.of(), List.of("ALL"), true, available)).isEqualTo(available);
    }

    @Test
    void unknownAndUnavailableNamesAreRefusedAsDockerDoes() {
        assertThatThrownBy(() -> apply(List.of("FOO"), List.of()))
                .hasMessage("invalid CapAdd: unknown capability: \"CAP_FOO\"");
        assertThatThrownBy(() -> apply(List.of(), List.of("cap_bar")))
                .hasMessage("invalid CapDrop: unknown capability: \"CAP_BAR\"");
        List<String> available = List.of("CAP_CHOWN");
        assertThatThrownBy(() -> CapabilityFlags.apply(DEFAULTS, List.of("SYS_RESOURCE"), List.of(), false, available))
                .hasMessage("invalid CapAdd: capability not supported by your kernel or not available in the current"
                        + " environment: \"CAP_SYS_RESOURCE\"");
    }

    @Test
    void availableIsThisProcesssEffectiveSet() {
        assertThat(CapabilityFlags.available()).isSubsetOf(ALL);
    }
}
