package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.cgroups.Cgroup;
import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.cgroups.DeviceAccess;
import io.minicontainer.cgroups.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The device cgroup for real on both hierarchies: v1's devices.allow and deny files, and on cgroup v2
 * (at /sys/fs/cgroup, or /sys/fs/cgroup/unified beside v1's controllers) the eBPF program. A shell put
 * into the cgroup then opens one device allowed and one refused.
 */
class DeviceCgroupIT {
    private static final List<DeviceAccess> ONLY_NULL = List.of(new DeviceAccess(false, 'a', -1, -1, "rwm"),
            new DeviceAccess(true, 'c', 1, 3, "rwm"), new DeviceAccess(true, 'c', 1, 5, "r"));
    private final String parent = "mc-devtest-" + ProcessHandle.current().pid();
    private Cgroup cgroup;

    @AfterEach
    void removeCgroup() throws IOException {
        if (cgroup != null) {
            cgroup.destroy();
            for (Path dir : cgroup.directories()) {
                Files.deleteIfExists(dir.getParent());
            }
        }
    }

    @Test
    void onCgroupV2TheProgramAllowsOnlyWhatTheRulesSay() throws Exception {
        Optional<Path> v2 = mountPoint("cgroup2");
        assumeTrue(v2.isPresent(), "no cgroup2 file system");
        cgroup = Cgroups.v2(v2.get(), parent).create("c1", Limits.none());
        cgroup.setDeviceRules(ONLY_NULL);
        assertOnlyNullAndReadingZero();
    }

    @Test
    void onCgroupV1TheFilesSayTheSame() throws Exception {
        Optional<Path> devices = mountPoint("cgroup").map(root -> root.resolve("devices")).filter(Files::isDirectory);
        assumeTrue(devices.isPresent(), "no v1 devices controller");
        cgroup = Cgroups.v1(Map.of("devices", devices.get()), parent).create("c1", Limits.none());
        cgroup.setDeviceRules(ONLY_NULL);
        assertThat(Files.readString(cgroup.directories().getFirst().resolve("devices.list")))
                .isEqualTo("c 1:3 rwm\nc 1:5 r\n");
        assertOnlyNullAndReadingZero();
    }

    private void assertOnlyNullAndReadingZero() throws Exception {
        String procs = cgroup.procsFiles().getFirst().toString();
        String script = "echo $$ > " + procs + "; echo x > /dev/null && echo null;"
                + " head -c 1 /dev/zero > /dev/null && echo read-zero; echo x > /dev/zero && echo wrote-zero;"
                + " head -c 1 /dev/full > /dev/null && echo full";
        Process shell = new ProcessBuilder("/bin/sh", "-c", script).start();
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("null\nread-zero\n");
        assertThat(new String(shell.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Operation not permitted");
    }

    /** /sys/fs/cgroup for cgroup2 on a v2 host, /sys/fs/cgroup/unified on a hybrid one; /sys/fs/cgroup for v1. */
    private static Optional<Path> mountPoint(String type) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] halves = line.split(" - ", 2);
            String mountPoint = halves[0].split(" ")[4];
            if (halves.length == 2 && halves[1].startsWith(type + " ") && mountPoint.startsWith("/sys/fs/cgroup")) {
                return Optional.of(type.equals("cgroup") ? Path.of("/sys/fs/cgroup") : Path.of(mountPoint));
            }
        }
        return Optional.empty();
    }
}
