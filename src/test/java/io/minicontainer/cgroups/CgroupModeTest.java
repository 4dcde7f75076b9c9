package io.minicontainer.cgroups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupModeTest {
    private static final String ROOT_AND_PROC = """
            22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
            24 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
            25 22 0:23 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw
            """;

    private static final String V2 = ROOT_AND_PROC + """
            30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate
            """;

    private static final String V1_CONTROLLERS = """
            30 25 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:4 - tmpfs tmpfs ro,mode=755
            32 30 0:28 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:6 - cgroup cgroup rw,xattr,name=systemd
            35 30 0:31 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,cpu,cpuacct
            36 30 0:32 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:16 - cgroup cgroup rw,memory
            37 30 0:33 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:17 - cgroup cgroup rw,pids
            """;

    private static final String V1 = ROOT_AND_PROC + V1_CONTROLLERS;

    private static final String HYBRID = ROOT_AND_PROC + V1_CONTROLLERS + """
            31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:5 - cgroup2 cgroup2 rw,nsdelegate
            """;

    @Test
    void cgroup2AtSysFsCgroupIsV2() {
        assertThat(CgroupMode.fromMountinfo(V2)).isEqualTo(CgroupMode.V2);
    }

    @Test
    void cgroupV1ControllersAloneAreV1() {
        assertThat(CgroupMode.fromMountinfo(V1)).isEqualTo(CgroupMode.V1);
    }

    @Test
    void v1ControllersWithCgroup2AtUnifiedAreHybrid() {
        assertThat(CgroupMode.fromMountinfo(HYBRID)).isEqualTo(CgroupMode.HYBRID);
    }

    @Test
    void theOrderOfTheLinesDoesNotMatterForHybrid() {
        String reversed = String.join("\n", HYBRID.lines().toList().reversed()) + "\n";

        assertThat(CgroupMode.fromMountinfo(reversed)).isEqualTo(CgroupMode.HYBRID);
    }

    @Test
    void noCgroupMountIsNone() {
        assertThat(CgroupMode.fromMountinfo(ROOT_AND_PROC)).isEqualTo(CgroupMode.NONE);
        assertThat(CgroupMode.fromMountinfo("")).isEqualTo(CgroupMode.NONE);
    }

    @Test
    void mountsWithoutOptionalFieldsAreRead() {
        String noPeerGroups = "30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw\n";

        assertThat(CgroupMode.fromMountinfo(noPeerGroups)).isEqualTo(CgroupMode.V2);
    }

    @Test
    void cgroup2ElsewhereIsNotTheHostsHierarchy() {
        String elsewhere = ROOT_AND_PROC
                + "40 22 0:40 / /mnt/cg rw,relatime shared:30 - cgroup2 cgroup2 rw\n";

        assertThat(CgroupMode.fromMountinfo(elsewhere)).isEqualTo(CgroupMode.NONE);
    }

    @Test
    void theFileSystemTypeIsReadAfterTheSeparatorNotFromTheMountPoint() {
        String tmpfsNamedCgroup2 = ROOT_AND_PROC
                + "30 25 0:26 / /sys/fs/cgroup rw shared:4 - tmpfs cgroup2 rw\n";

        assertThat(CgroupMode.fromMountinfo(tmpfsNamedCgroup2)).isEqualTo(CgroupMode.NONE);
    }

    @Test
    void everyModeHasADescription() {
        assertThat(CgroupMode.V2.description()).isEqualTo("v2 (unified)");
        assertThat(CgroupMode.values()).allSatisfy(mode -> assertThat(mode.description()).isNotBlank());
    }
}
