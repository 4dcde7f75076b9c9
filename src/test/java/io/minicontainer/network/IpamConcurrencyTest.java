package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allocations racing in threads of one JVM and in several JVMs still get distinct addresses. */
class IpamConcurrencyTest {
    private static final Subnet SUBNET = Subnet.parse("172.21.0.0/16");

    @TempDir
    Path root;

    @Test
    void twentyThreadsWithTheirOwnIpamGetDistinctAddresses() throws Exception {
        Path dir = root.resolve("networks/race");
        int threads = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Ipv4Address>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String id = "c" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return Ipam.of(dir, SUBNET).allocate(id);
                }));
            }
            start.countDown();
            List<Ipv4Address> addresses = new ArrayList<>();
            for (Future<Ipv4Address> result : results) {
                addresses.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(addresses).doesNotHaveDuplicates().hasSize(threads);
            assertThat(Ipam.of(dir, SUBNET).leases()).hasSize(threads);
            assertThat(addresses).allMatch(a -> a.compareTo(Ipv4Address.parse("172.21.0.2")) >= 0
                    && a.compareTo(Ipv4Address.parse("172.21.0.21")) <= 0);
        }
    }

    @Test
    void processesAndThreadsTogetherGetDistinctAddresses() throws Exception {
        Path dir = root.resolve("networks/race");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    IpamWorker.class.getName(), dir.toString(), SUBNET.toString(), "proc" + p, "5")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            addresses.add(Ipam.of(dir, SUBNET).allocate("thread-" + i).toString());
        }
        for (Process process : processes) {
            addresses.addAll(output(process));
        }

        assertThat(addresses).hasSize(30).doesNotHaveDuplicates();
        assertThat(Ipam.of(dir, SUBNET).leases()).hasSize(30);
    }

    private static List<String> output(Process process) throws IOException, InterruptedException {
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return text.lines().toList();
    }
}
