package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against stand-ins for nft; {@code NftIT} runs the real one. */
class NftTest {
    @TempDir
    Path dir;

    private Nft fake(String script) throws IOException {
        Path nft = dir.resolve("nft");
        Files.writeString(nft, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(nft, PosixFilePermissions.fromString("rwx------"));
        return new Nft(nft.toString());
    }

    @Test
    void keepsNftsFirstErrorAndTheScriptLineItIsAbout() {
        String stderr = """
                /dev/stdin:2:47-50: Error: Could not process rule: File exists
                add element ip mc publish_any_tcp { 9090 : 172.17.0.4 . 90 }
                                                    ^^^^
                /dev/stdin:3:1-3: Error: something else
                """;

        assertThat(Nft.summarize(stderr, 1)).isEqualTo(
                "nft: Could not process rule: File exists (in: add element ip mc publish_any_tcp { 9090 : 172.17.0.4 . 90 })");
        assertThat(Nft.summarize("Error: No such file or directory\n", 1)).isEqualTo("nft: No such file or directory");
        assertThat(Nft.summarize("nft: unknown option\n", 1)).isEqualTo("nft: nft: unknown option");
        assertThat(Nft.summarize("", 3)).isEqualTo("nft exited with status 3");
    }

    @Test
    void passesTheScriptOnStandardInputAndReturnsTheOutput() throws IOException {
        Nft nft = fake("[ \"$1 $2\" = '-f -' ] || exit 9\ncat > \"$(dirname \"$0\")/got\"\necho applied\n");

        nft.apply("table ip t {}\n");

        assertThat(Files.readString(dir.resolve("got"))).isEqualTo("table ip t {}\n");
        assertThat(fake("echo \"$@\"\n").run("list", "table", "ip", "t")).isEqualTo("list table ip t\n");
    }

    @Test
    void failsWithOneLine() throws IOException {
        Nft nft = fake("cat >/dev/null\necho '/dev/stdin:1:1-5: Error: syntax error, unexpected junk' >&2\n"
                + "echo 'junk' >&2\necho '^^^^' >&2\nexit 1\n");

        assertThatThrownBy(() -> nft.apply("junk\n")).isInstanceOf(NetworkException.class)
                .hasMessage("nft: syntax error, unexpected junk (in: junk)");
    }

    @Test
    void saysWhatToInstallWhenNftIsMissing() {
        assertThatThrownBy(() -> new Nft(dir.resolve("no-nft").toString()).apply(""))
                .isInstanceOf(NetworkException.class)
                .hasMessageStartingWith("cannot run " + dir.resolve("no-nft") + " (is the nftables package installed?)");
    }

    @Test
    void routeLocalnetIsSetPerBridge() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("net/ipv4/conf/mc-web"));
        Files.writeString(conf.resolve("route_localnet"), "0\n");

        RouteLocalnet.enable(dir, "mc-web");

        assertThat(RouteLocalnet.file(dir, "mc-web")).hasContent("1");
        assertThatThrownBy(() -> RouteLocalnet.enable(dir.resolve("missing"), "mc-web"))
                .isInstanceOf(NetworkException.class).hasMessageStartingWith("enable route_localnet on mc-web: write ");
    }
}
