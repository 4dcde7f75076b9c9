package io.minicontainer.cgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which implementation a host gets, and where its hierarchies are, from /proc/self/mountinfo. */
class CgroupsFromMountinfoTest {
    private static final String ROOT = "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw\n";

    private static final String V2 = ROOT
            + "30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n";

    /** systemd's v1 layout: cpu and cpuacct mounted together, whatever the directory is named. */
    private static final String V1 = ROOT + """
            30 25 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:4 - tmpfs tmpfs ro,mode=755
            32 30 0:28 / /sys/fs/cgroup/systemd rw,nosuid shared:6 - cgroup cgroup rw,xattr,name=systemd
            35 30 0:31 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:15 - cgroup cgroup rw,cpu,cpuacct
            36 30 0:32 / /sys/fs/cgroup/memory rw,nosuid shared:16 - cgroup cgroup rw,memory
            37 30 0:33 / /sys/fs/cgroup/pids rw,nosuid shared:17 - cgroup cgroup rw,pids
            38 30 0:34 / /sys/fs/cgroup/devices rw,nosuid shared:18 - cgroup cgroup rw,devices
            """;

    /** This kind of host: each controller alone, and a cgroup2 tree at unified holding none of them. */
    private static final String HYBRID = ROOT + """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
            38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void aV2HostGetsV2AtSysFsCgroup() {
        Cgroups cgroups = Cgroups.fromMountinfo(V2, "mc");

        assertThat(cgroups).isInstanceOf(CgroupsV2.class);
        assertThat(cgroups.mode()).isEqualTo(CgroupMode.V2);
        assertThat(CgroupMounts.parse(V2).unified()).contains(Path.of("/sys/fs/cgroup"));
    }

    @Test
    void aV1HostGetsV1WithCoMountedControllersSharingADirectory() {
        Cgroups cgroups = Cgroups.fromMountinfo(V1, "mc");

        assertThat(cgroups).isInstanceOf(CgroupsV1.class);
        assertThat(cgroups.mode()).isEqualTo(CgroupMode.V1);
        assertThat(CgroupMounts.parse(V1).controllers()).isEqualTo(Map.of(
                "cpu", Path.of("/sys/fs/cgroup/cpu,cpuacct"),
                "cpuacct", Path.of("/sys/fs/cgroup/cpu,cpuacct"),
                "memory", Path.of("/sys/fs/cgroup/memory"),
                "pids", Path.of("/sys/fs/cgroup/pids"),
                "devices", Path.of("/sys/fs/cgroup/devices")));
    }

    @Test
    void aHybridHostGetsV1ForItsControllers() {
        Cgroups cgroups = Cgroups.fromMountinfo(HYBRID, "mc");

        assertThat(cgroups).isInstanceOf(CgroupsV1.class);
        assertThat(cgroups.mode()).isEqualTo(CgroupMode.HYBRID);
        CgroupMounts mounts = CgroupMounts.parse(HYBRID);
        assertThat(mounts.unified()).isEmpty();
        assertThat(mounts.controllers()).containsEntry("cpu", Path.of("/sys/fs/cgroup/cpu"))
                .containsEntry("cpuacct", Path.of("/sys/fs/cgroup/cpuacct"))
                .containsEntry("freezer", Path.of("/sys/fs/cgroup/freezer"))
                .containsEntry("blkio", Path.of("/sys/fs/cgroup/blkio"))
                .containsEntry("cpuset", Path.of("/sys/fs/cgroup/cpuset"))
                .hasSize(7);
    }

    @Test
    void aHostWithoutCgroupsFailsClearlyEvenWithoutLimits() {
        Cgroups cgroups = Cgroups.fromMountinfo(ROOT, "mc");

        assertThat(cgroups.mode()).isEqualTo(CgroupMode.NONE);
        assertThat(cgroups.open("abc")).isEmpty();
        assertThatThrownBy(() -> cgroups.create("abc", Limits.none())).isInstanceOf(CgroupException.class)
                .hasMessage("cannot create cgroup abc: no cgroup file system is mounted on this host");
        assertThatThrownBy(() -> cgroups.create("abc", TestLimits.limits().pids(10).build()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("cannot set resource limits: no cgroup file system is mounted on this host");
    }

    @Test
    void aV1HostWithoutTheControllersThisUsesFailsClearly() {
        String onlySystemd = ROOT
                + "32 30 0:28 / /sys/fs/cgroup/systemd rw,nosuid shared:6 - cgroup cgroup rw,xattr,name=systemd\n";

        assertThatThrownBy(() -> Cgroups.fromMountinfo(onlySystemd, "mc").create("abc", Limits.none()))
                .isInstanceOf(CgroupException.class)
                .hasMessage("cannot create cgroup mc/abc: no cgroup v1 controller is mounted under /sys/fs/cgroup");
    }

    @Test
    void escapedMountPointsAreDecoded() {
        assertThat(CgroupMounts.unescape("/sys/fs/cgroup/a\\040b")).isEqualTo("/sys/fs/cgroup/a b");
        assertThat(CgroupMounts.unescape("/plain")).isEqualTo("/plain");
        assertThat(CgroupMounts.unescape("/odd\\04")).isEqualTo("/odd\\04");
    }

    @Test
    void thisHostGetsWhatItsMountinfoSays() throws Exception {
        CgroupMode expected = CgroupMode.fromMountinfo(Files.readString(Path.of("/proc/self/mountinfo")));

        assertThat(Cgroups.forHost("mc-test").mode()).isEqualTo(expected);
    }
}
