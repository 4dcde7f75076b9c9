package io.minicontainer.cgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.oci.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * cgroup v2's eBPF device filter: the instructions, and the kernel's verdicts once it is attached
 * to a real cgroup2 cgroup (on a hybrid host the one at /sys/fs/cgroup/unified: device programs
 * work there whatever controllers it has).
 */
class DeviceFilterProgramTest {
    private static final List<Spec.DeviceRule> RULES = List.of(
            new Spec.DeviceRule(false, "a", -1, -1, "rwm"),
            new Spec.DeviceRule(true, "c", -1, -1, "m"), new Spec.DeviceRule(true, "b", -1, -1, "m"),
            new Spec.DeviceRule(true, "c", 1, 3, "rwm"), new Spec.DeviceRule(true, "c", 1, 5, "r"));

    @Test
    void eachRuleIsABlockCheckedLastFirstAndNothingMatchingRefuses() {
        byte[] program = DeviceFilterProgram.compile(List.of(new Spec.DeviceRule(true, "c", 1, 5, "r")));

        // 6 loads, then type, access (3), major, minor, answer, exit; then the final refusal
        assertThat(program).hasSize((6 + 8 + 2) * 8);
        assertThat(instruction(program, 6)).isEqualTo("55 02 0007 00000002"); // type != char: skip 7
        assertThat(instruction(program, 8)).isEqualTo("54 01 0000 00000005"); // r1 = access & (m|w)
        assertThat(instruction(program, 12)).isEqualTo("b7 00 0000 00000001"); // allow
        assertThat(instruction(program, 14)).isEqualTo("b7 00 0000 00000000"); // nothing matched: refuse
        // a rule for every device is the last block: nothing after it could run
        assertThat(DeviceFilterProgram.compile(List.of(new Spec.DeviceRule(false, "a", -1, -1, "rwm"),
                new Spec.DeviceRule(true, "c", 1, 3, "rwm")))).hasSize((6 + 5 + 2) * 8);
    }

    private static String instruction(byte[] program, int index) {
        int at = index * 8;
        return String.format("%02x %02x %02x%02x %02x%02x%02x%02x", program[at], program[at + 1], program[at + 3],
                program[at + 2], program[at + 7], program[at + 6], program[at + 5], program[at + 4]);
    }

    @Test
    void theKernelAppliesTheRules() throws IOException, InterruptedException {
        Optional<Path> unified = cgroup2Mount();
        assumeTrue(unified.isPresent() && Files.isWritable(unified.get()), "needs root and a cgroup2 mount");
        Path cgroup = Files.createDirectory(unified.get().resolve("mc-device-filter-" + ProcessHandle.current().pid()));
        try {
            CgroupV2 v2 = new CgroupV2(null, cgroup, Timeouts.DEFAULT);
            v2.restrictDevices(RULES);
            Process shell = new ProcessBuilder("sh", "-c", "echo $$ > " + cgroup.resolve("cgroup.procs")
                    + "; head -c1 /dev/null && echo null; head -c1 /dev/zero | wc -c; (echo > /dev/zero) 2>/dev/null"
                    + " || echo zero-write-refused; head -c1 /dev/full 2>/dev/null || echo full-refused")
                    .redirectErrorStream(true).start();
            assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(shell.getInputStream().readAllBytes()))
                    .isEqualTo("null\n1\nzero-write-refused\nfull-refused\n");
        } finally {
            Files.delete(cgroup); // the shell has exited: the cgroup is empty
        }
    }

    private static Optional<Path> cgroup2Mount() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(line -> line.contains(" - cgroup2 ")).map(line -> Path.of(line.split(" ")[4])).findFirst();
    }
}
