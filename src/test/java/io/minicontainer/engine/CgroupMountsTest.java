package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.oci.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupMountsTest {
    private static final String HYBRID = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void aV1HostGetsATmpfsAndEachHierarchyReadOnly() {
        List<Spec.Mount> mounts = CgroupMounts.forHost(HYBRID);
        assertThat(mounts).extracting(Spec.Mount::destination).containsExactly("/sys/fs/cgroup",
                "/sys/fs/cgroup/cpu,cpuacct", "/sys/fs/cgroup/memory", "/sys/fs/cgroup/systemd");
        assertThat(mounts.get(1).options()).containsExactly("nosuid", "noexec", "nodev", "ro", "cpu", "cpuacct");
        assertThat(mounts.get(3).options()).contains("xattr", "name=systemd").doesNotContain("rw");
        assertThat(mounts.getFirst().type()).isEqualTo("tmpfs");
    }

    @Test
    void aV2HostGetsOneReadOnlyCgroup2() {
        String v2 = "25 1 0:23 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n";
        assertThat(CgroupMounts.forHost(v2)).containsExactly(
                new Spec.Mount("/sys/fs/cgroup", "cgroup2", "cgroup", List.of("nosuid", "noexec", "nodev", "ro")));
    }

    @Test
    void noCgroupsNoMounts() {
        assertThat(CgroupMounts.forHost("22 1 0:5 / /proc rw - proc proc rw\n")).isEmpty();
    }
}
