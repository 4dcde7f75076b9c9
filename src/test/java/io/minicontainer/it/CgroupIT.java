package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits for real on this host's cgroups (v1 controllers here), seen from inside the container. */
class CgroupIT extends ContainerTest {
    private static final Path V1 = Path.of("/sys/fs/cgroup");

    @Test
    void aMemoryHogIsOomKilledWith137AndOomKilledTrue() {
        Cli.Result hog = cli.run("run", "--name", "hog", "--memory", "32m", "--rootfs", rootfs.toString(),
                "dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1");
        assertThat(hog.exitCode()).isEqualTo(137);
        assertThat(cli.run("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", "hog").stdout())
                .isEqualTo("true 137\n");
        Cli.Result fine = cli.run("run", "--name", "fine", "--memory", "32m", "--rootfs", rootfs.toString(),
                "dd", "if=/dev/zero", "of=/dev/null", "bs=1M", "count=1");
        assertThat(fine.exitCode()).isZero();
        assertThat(cli.run("inspect", "-f", "{{.State.OOMKilled}}", "fine").stdout()).isEqualTo("false\n");
        cli.run("rm", "hog", "fine");
    }

    @Test
    void aForkLoopIsHeldAtThePidsLimit() throws Exception {
        String id = cli.run("run", "-d", "--pids-limit", "8", "--rootfs", rootfs.toString(), "sh", "-c",
                "sh -c 'while :; do sleep 30 & done' 2>/dev/null & exec sleep 30").stdout().strip();
        for (int i = 0; i < 50 && !read("pids", id, "pids.events").matches("max [1-9]\\d*"); i++) {
            Thread.sleep(50);
        }
        assertThat(read("pids", id, "pids.events")).matches("max [1-9]\\d*");
        assertThat(Long.parseLong(read("pids", id, "pids.current"))).isBetween(2L, 8L);
        assertThat(cli.run("run", "--rm", "--rootfs", rootfs.toString(), "true").exitCode()).as("the host can fork").isZero();
        cli.run("rm", "-f", id);
    }

    @Test
    void theContainerSeesItsOwnCgroupAsTheRootAndCannotWriteIt() {
        Cli.Result result = cli.run("run", "--rm", "--rootfs", rootfs.toString(), "sh", "-c",
                "grep -v '0::' /proc/self/cgroup | cut -d: -f3 | sort -u; mkdir /sys/fs/cgroup/memory/x 2>&1 | head -1");
        assertThat(result.stdout()).startsWith("/\n").contains("Read-only file system");
    }

    @Test
    void limitsReachTheKernelAndUpdateChangesThem() throws IOException {
        String id = cli.run("run", "-d", "--memory", "64m", "--cpus", "0.5", "--pids-limit", "20", "--cpu-shares", "512",
                "--rootfs", rootfs.toString(), "sleep", "60").stdout().strip();
        assertThat(read("memory", id, "memory.limit_in_bytes")).isEqualTo(String.valueOf(64L << 20));
        assertThat(read("cpu", id, "cpu.cfs_quota_us")).isEqualTo("50000");
        assertThat(read("cpu", id, "cpu.shares")).isEqualTo("512");
        assertThat(read("pids", id, "pids.max")).isEqualTo("20");
        assertThat(cli.run("update", "--memory", "128m", "--pids-limit", "30", id).exitCode()).isZero();
        assertThat(read("memory", id, "memory.limit_in_bytes")).isEqualTo(String.valueOf(128L << 20));
        assertThat(read("pids", id, "pids.max")).isEqualTo("30");
        assertThat(cli.run("inspect", "-f", "{{.HostConfig.Memory}}", id).stdout()).isEqualTo((128L << 20) + "\n");
        cli.run("rm", "-f", id);
    }

    @Test
    void halfACpuMeasuresNearHalf() throws Exception {
        String id = cli.run("run", "-d", "--cpus", "0.5", "--rootfs", rootfs.toString(), "sh", "-c", "while :; do :; done")
                .stdout().strip();
        try {
            Thread.sleep(500);
            long before = Long.parseLong(read("cpuacct", id, "cpuacct.usage"));
            long start = System.nanoTime();
            Thread.sleep(2000);
            double share = (Long.parseLong(read("cpuacct", id, "cpuacct.usage")) - before)
                    / (double) (System.nanoTime() - start);
            // the quota caps it; on a busy host it may get less than its half, never more
            assertThat(share).isBetween(0.1, 0.6);
        } finally {
            cli.run("rm", "-f", id);
        }
    }

    @Test
    void pauseStopsProgressAndUnpauseResumesIt() throws Exception {
        String id = cli.run("run", "-d", "--rootfs", rootfs.toString(), "sh", "-c",
                "i=0; while :; do i=$((i+1)); echo $i > /count; sleep 0.05; done").stdout().strip();
        Path count = root.resolve("containers").resolve(id).resolve("upper/count");
        Thread.sleep(300);
        assertThat(cli.run("pause", id).exitCode()).isZero();
        assertThat(cli.run("ps", "--format", "{{.Status}}").stdout()).contains("(Paused)");
        assertThat(cli.run("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", id).stdout()).isEqualTo("paused true\n");
        String frozen = Files.readString(count);
        Thread.sleep(500);
        assertThat(Files.readString(count)).isEqualTo(frozen);
        assertThat(cli.run("unpause", id).exitCode()).isZero();
        Thread.sleep(500);
        assertThat(Files.readString(count)).isNotEqualTo(frozen);
        cli.run("rm", "-f", id);
    }

    @Test
    void stopTakesDaemonsThatDoubleForkedInsideAndTheCgroupGoes() throws Exception {
        String id = cli.run("run", "-d", "--rootfs", rootfs.toString(), "sh", "-c",
                "(setsid sleep 1000 &); (sh -c 'sleep 1000 &' &); exec sleep 1000").stdout().strip();
        for (int i = 0; i < 50 && Long.parseLong(read("pids", id, "pids.current")) < 3; i++) {
            Thread.sleep(50);
        }
        assertThat(Long.parseLong(read("pids", id, "pids.current"))).isGreaterThanOrEqualTo(3);
        assertThat(cli.run("stop", "-t", "1", id).exitCode()).isZero();
        assertThat(Leftovers.processes(root)).isEmpty();
        assertThat(Files.exists(V1.resolve("pids").resolve(cgroupParent).resolve(id))).isFalse();
        cli.run("rm", id);
    }

    @Test
    void statsShowsUsageAgainstTheLimit() {
        cli.run("run", "-d", "--name", "measured", "--memory", "64m", "--rootfs", rootfs.toString(), "sleep", "60");
        Cli.Result stats = cli.run("stats", "--no-stream", "measured");
        assertThat(stats.exitCode()).as(stats.stderr()).isZero();
        assertThat(stats.stdout()).startsWith("CONTAINER ID").contains("MEM USAGE / LIMIT", "measured", "/ 64MiB");
        assertThat(cli.run("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}", "measured").stdout())
                .isEqualTo("measured 1\n");
        cli.run("rm", "-f", "measured");
    }

    @Test
    void execRunsInTheContainersCgroup() {
        String id = cli.run("run", "-d", "--rootfs", rootfs.toString(), "sleep", "60").stdout().strip();
        Cli.Result exec = cli.run("exec", id, "sh", "-c", "grep memory /proc/self/cgroup");
        assertThat(exec.stdout()).isEqualTo(cli.run("exec", id, "grep", "memory", "/proc/1/cgroup").stdout())
                .endsWith(":/\n");
        assertThat(Files.exists(V1.resolve("memory").resolve(cgroupParent).resolve(id))).isTrue();
        cli.run("rm", "-f", id);
        assertThat(Files.exists(V1.resolve("memory").resolve(cgroupParent).resolve(id))).isFalse();
    }

    @Test
    void badLimitsAreOneLineAndLeaveNothing() throws IOException {
        for (List<String> flags : List.of(List.of("--memory", "12x"), List.of("--cpus", "-1"), List.of("--cpus", "99"),
                List.of("--memory", "1m"))) {
            List<String> args = new java.util.ArrayList<>(List.of("run", "--rm"));
            args.addAll(flags);
            args.addAll(List.of("--rootfs", rootfs.toString(), "true"));
            Cli.Result bad = cli.run(args.toArray(String[]::new));
            assertThat(bad.exitCode()).as(flags.toString()).isEqualTo(125);
            assertThat(bad.stderr()).startsWith("minicontainer: ").hasLineCount(1);
        }
        assertThat(Leftovers.records(root)).isEmpty();
    }

    private String read(String controller, String id, String file) throws IOException {
        return Files.readString(V1.resolve(controller).resolve(cgroupParent).resolve(id).resolve(file)).strip();
    }
}
