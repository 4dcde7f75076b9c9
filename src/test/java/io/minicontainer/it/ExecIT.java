package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code exec}: one more process inside a running container, in all its namespaces. */
class ExecIT extends ContainerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The main process: writes a file, a user and a group, says it is ready, then sleeps as pid 1. */
    private static final String MAIN = "echo main > /data/main.txt;"
            + " echo app:x:1000:1000:app:/home/app:/bin/sh >> /etc/passwd; echo app:x:1000: >> /etc/group;"
            + " touch /data/ready; exec sleep 60";

    private String id;
    private long pid;

    @BeforeEach
    void startContainer() throws Exception {
        Cli.Result started = cli.run("run", "-d", "--rootfs", rootfs.toString(), "sh", "-c", MAIN);
        assertThat(started.exitCode()).as(started.stderr()).isZero();
        id = started.stdout().strip();
        pid = Long.parseLong(status(id).get("pid"));
        awaitTrue(() -> Files.exists(insideMain("/data/ready")), "the main process is ready");
    }

    @AfterEach
    void removeContainer() throws Exception {
        removeForcibly(id);
    }

    /**
     * What {@code rm -f} will do once it lands: kill the container's pid 1 (the kernel then kills
     * everything in its pid namespace) and wait for its monitor to record the end and exit.
     */
    private void removeForcibly(String container) {
        Cli.Result removed = cli.run("rm", "-f", container);
        assertThat(removed.exitCode()).as(removed.stderr()).isZero();
    }

    private Map<String, String> status(String container) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(root.resolve("containers").resolve(container).resolve("status"))) {
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return values;
    }

    /** A path as the container's main process sees it, read from the host. */
    private Path insideMain(String path) {
        return Path.of("/proc/" + pid + "/root" + path);
    }

    private Cli.Result exec(String... args) {
        return cli.run(Stream.concat(Stream.of("exec"), Stream.of(args)).toArray(String[]::new));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (!condition.holds()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting until " + what);
                }
                Thread.sleep(20);
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void seesTheContainersHostname() {
        assertThat(exec(id, "hostname").stdout()).isEqualTo(id.substring(0, 12) + "\n");
    }

    @Test
    void isInTheContainersPidNamespaceWherePid1IsTheMainProcess() {
        Cli.Result result = exec(id, "sh", "-c", "tr '\\0' ' ' < /proc/1/cmdline; echo; ps -o pid,comm");
        assertThat(result.stdout()).startsWith("sleep 60 \n").containsPattern("(?m)^\\s+1 sleep$");
        assertThat(result.stdout().lines().skip(2)).hasSizeLessThan(5); // no host processes
    }

    @Test
    void sharesTheMountNamespaceBothWays() throws IOException {
        assertThat(exec(id, "cat", "/data/main.txt").stdout()).isEqualTo("main\n");
        assertThat(exec(id, "sh", "-c", "echo from-exec > /data/exec.txt").exitCode()).isZero();
        assertThat(Files.readString(insideMain("/data/exec.txt"))).isEqualTo("from-exec\n");
        assertThat(rootfs.resolve("data/exec.txt")).doesNotExist(); // the overlay's upper layer took it
    }

    @Test
    void theExitCodePassesThrough() {
        assertThat(exec(id, "sh", "-c", "exit 7").exitCode()).isEqualTo(7);
        assertThat(exec(id, "true").exitCode()).isZero();
    }

    @Test
    void aMissingCommandGives127AndDockersMessage() {
        Cli.Result result = exec(id, "no-such-command");
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).isEqualTo("minicontainer: exec: \"no-such-command\": executable file not found in $PATH\n");
    }

    @Test
    void aCommandThatCannotBeExecutedGives126() {
        assertThat(exec(id, "/data/main.txt").exitCode()).isEqualTo(126);
    }

    @Test
    void theContainersEnvironmentWithTheCallersChanges() {
        Cli.Result result = exec("-e", "A=1", "-e", "FROM_CALLER", "-e", "PATH=/bin", id, "env");
        assertThat(result.stdout()).contains("A=1\n", "FROM_CALLER=caller-value\n", "PATH=/bin\n", "HOME=/\n",
                "HOSTNAME=" + id.substring(0, 12) + "\n");
        assertThat(result.stdout()).doesNotContain("/usr/local/sbin");
    }

    @Test
    void workdirAndUserAreTheCallers() {
        Cli.Result result = exec("-w", "/data/dir", "-u", "app", id, "sh", "-c", "pwd; id -u; id -g; echo $HOME");
        assertThat(result.stdout()).isEqualTo("/data/dir\n1000\n1000\n/home/app\n");
        assertThat(exec("-u", "4321:55", id, "sh", "-c", "id -u; id -g").stdout()).isEqualTo("4321\n55\n");
    }

    @Test
    void hasTheSameCapabilitiesAsTheMainProcess() throws IOException {
        List<String> main = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.matches("Cap(Eff|Prm|Bnd|Inh|Amb):.*")).toList();
        Cli.Result result = exec(id, "grep", "-E", "^Cap(Eff|Prm|Bnd|Inh|Amb):", "/proc/self/status");
        assertThat(result.stdout().lines().toList()).containsExactlyElementsOf(main).contains("CapEff:\t00000000a80425fb");
    }

    @Test
    void interactivePassesStdinAndOtherwiseItIsEmpty() {
        assertThat(cli.runWithInput("hi\n", "exec", "-i", id, "cat").stdout()).isEqualTo("hi\n");
        assertThat(cli.runWithInput("hi\n", "exec", id, "cat").stdout()).isEmpty();
    }

    @Test
    void signalsToTheCliReachTheProcess() throws Exception {
        Cli.Running running = cli.start("exec", id, "sh", "-c",
                "trap 'echo got TERM; exit 42' TERM; echo ready; while true; do sleep 0.1; done");
        running.awaitLine("ready");
        Runtime.getRuntime().exec(new String[] {"kill", "-TERM", Long.toString(running.process.pid())})
                .waitFor(5, TimeUnit.SECONDS);
        Cli.Result result = running.await();
        assertThat(result.exitCode()).isEqualTo(42);
        assertThat(result.stdout()).isEqualTo("ready\ngot TERM\n");
    }

    @Test
    void detachedReturnsAtOnceWhileTheProcessRunsInTheContainer() {
        Cli.Result result = exec("-d", id, "sh", "-c", "sleep 2; echo late > /data/late.txt; sleep 30");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(insideMain("/data/late.txt")).doesNotExist(); // the CLI did not wait for the sleep
        awaitTrue(() -> Files.exists(insideMain("/data/late.txt")), "the detached process writes its file");
        assertThat(exec(id, "ps", "-o", "args").stdout()).contains("sleep 30");
    }

    @Test
    void thePlanFileIsGoneOnceTheProcessRuns() throws IOException {
        exec(id, "true");
        exec("-d", id, "true");
        try (Stream<Path> files = Files.list(root.resolve("containers").resolve(id))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("exec-"));
        }
    }

    @Test
    void anExitedContainerIsRefused() throws Exception {
        Cli.Result started = cli.run("run", "-d", "--rootfs", rootfs.toString(), "true");
        String exited = started.stdout().strip();
        awaitTrue(() -> "exited".equals(status(exited).get("state")), "the container exits");
        Cli.Result result = exec(exited, "true");
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).isEqualTo("minicontainer: container " + exited + " is not running\n");
    }

    @Test
    void badRequestsGetOneLineAndExit125() {
        assertThat(exec("nope", "true")).isEqualTo(new Cli.Result(125, "", "minicontainer: no such container: nope\n"));
        assertThat(exec("-dt", id, "true").stderr()).isEqualTo(
                "minicontainer: exec -d with -t is not supported: the CLI holds the terminal, which would hang up\n");
        assertThat(exec(id).stderr()).isEqualTo(
                "minicontainer: \"exec\" requires at least 2 arguments: exec [OPTIONS] CONTAINER COMMAND [ARG...]\n");
        assertThat(exec("-u", "nobody-here", id, "true")).isEqualTo(new Cli.Result(125, "",
                "minicontainer: unable to find user nobody-here: no matching entries in passwd file\n"));
        assertThat(exec("-w", "/no/such/dir", id, "true"))
                .isEqualTo(new Cli.Result(125, "", "minicontainer: chdir to /no/such/dir: No such file or directory\n"));
    }
}
