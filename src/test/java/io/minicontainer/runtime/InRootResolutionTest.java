package io.minicontainer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The helper's in-root resolution (native/inroot.c and inroot_walk.c) against an image's symlink
 * traps: /data -> /etc, /abs -> /../../../../etc, ../../.. chains, loops, dangling links and a FIFO,
 * once with openat2 and once with the component-by-component walk of kernels without it. The C
 * program is built with the helper; it prints a line per failure and "N passed, N failed".
 */
class InRootResolutionTest {
    private static final Path PROGRAM = Path.of("target", "inroot-test");

    @Test
    void symlinksResolveInsideTheRootWithAndWithoutOpenat2() throws IOException, InterruptedException {
        assertThat(PROGRAM).as("built by make -C native").isExecutable();
        Process process = new ProcessBuilder(PROGRAM.toAbsolutePath().toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).doesNotContain("FAIL").endsWith(" passed, 0 failed\n");
        assertThat(process.exitValue()).isZero();
        assertThat(Files.exists(Path.of("/etc/made"))).as("the host's /etc untouched").isFalse();
    }
}
