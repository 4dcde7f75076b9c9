package io.minicontainer.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The host side of the network tests: commands, free ports and subnets, and a small HTTP client. */
final class HostNetwork {
    private static final Set<String> HANDED_OUT = new HashSet<>();

    private HostNetwork() {}

    /** 10.253.N: one the host routes nowhere yet and this JVM has not handed out. */
    static synchronized String freeSubnetPrefix() throws Exception {
        String routes = output("ip", "-4", "route");
        for (int n = 10 + (int) (ProcessHandle.current().pid() % 200); ; n = (n + 1) % 250) {
            String prefix = "10.253." + n;
            if (!routes.contains(prefix + ".") && HANDED_OUT.add(prefix)) {
                return prefix;
            }
        }
    }

    /** The host's own address on its external interface, not loopback and not a bridge of ours. */
    static String hostAddress() throws Exception {
        for (String line : output("ip", "-4", "-o", "addr", "show", "scope", "global").split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 3 && !fields[1].startsWith("mc") && !fields[1].startsWith("mini")) {
                return fields[3].substring(0, fields[3].indexOf('/'));
            }
        }
        throw new AssertionError("no external address");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitAnswer(String host, int port) throws InterruptedException {
        for (int i = 0; i < 50 && !answers(host, port); i++) {
            Thread.sleep(50);
        }
    }

    static String httpGet(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes());
            return new String(socket.getInputStream().readAllBytes());
        }
    }

    static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor(20, TimeUnit.SECONDS);
        return process.exitValue();
    }

    static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor(20, TimeUnit.SECONDS);
        return text;
    }
}
