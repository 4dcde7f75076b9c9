package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.it.registry.Auth;
import io.minicontainer.it.registry.BlobRedirector;
import io.minicontainer.it.registry.LocalRegistry;
import io.minicontainer.it.registry.PushedImage;
import io.minicontainer.it.registry.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Pulls that need credentials, tokens, redirects to another origin, and bytes that lie. */
class RegistryAuthPullIT extends ContainerTest {

    @Test
    void basicAuthNeedsALoginAndWrongPasswordsAreRefused() throws IOException {
        try (LocalRegistry registry = LocalRegistry.start(Auth.basic("alice", "secret"), root)) {
            PushedImage image = TestImages.pushBusybox(registry, "private/busybox:1");
            Cli.Result anonymous = cli.run("pull", image.reference());
            assertThat(anonymous.exitCode()).isEqualTo(125);
            assertThat(anonymous.stderr()).contains("authentication required").hasLineCount(1);

            Cli.Result wrong = cli.run("login", "-u", "alice", "-p", "wrong", registry.host());
            assertThat(wrong.exitCode()).isEqualTo(125);
            assertThat(wrong.stderr()).contains("unauthorized").hasLineCount(1);

            Cli.Result login = cli.runWithInput("secret\n", "login", "-u", "alice", "--password-stdin", registry.host());
            assertThat(login.stdout()).isEqualTo("Login Succeeded\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("auth.json"))))
                    .isEqualTo("rw-------");
            assertThat(cli.run("pull", "-q", image.reference()).exitCode()).isZero();

            assertThat(cli.run("logout", registry.host()).stdout()).contains("Removing login credentials");
            assertThat(cli.run("pull", image.reference()).exitCode()).isEqualTo(125);
        }
    }

    @Test
    void bearerTokensAreFetchedForTheScopeAndReused() throws IOException {
        try (LocalRegistry registry = LocalRegistry.start(Auth.token("bob", "pw"), root)) {
            PushedImage image = TestImages.pushLayered(registry, "team/layered:1");
            assertThat(cli.run("login", "-u", "bob", "-p", "pw", registry.host()).exitCode()).isZero();
            var tokens = registry.tokenServer().orElseThrow();
            tokens.resetCounts();

            Cli.Result pull = cli.run("pull", "-q", image.reference());
            assertThat(pull.exitCode()).as(pull.stderr()).isZero();
            // one token for repository:team/layered:pull serves the manifest, the config and 3 layers
            assertThat(tokens.scopesRequested()).containsOnly("repository:team/layered:pull");
            assertThat(tokens.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void blobsRedirectedToAnotherOriginAreFetchedWithoutTheRegistrysCredentials() throws IOException {
        try (LocalRegistry registry = LocalRegistry.start(Auth.token("carol", "pw"), root);
                BlobRedirector redirector = BlobRedirector.start(registry)) {
            TestImages.pushLayered(registry, "cdn/layered:1");
            String viaRedirector = redirector.host() + "/cdn/layered:1";
            assertThat(cli.run("login", "-u", "carol", "-p", "pw", redirector.host()).exitCode()).isZero();

            Cli.Result pull = cli.run("pull", "-q", viaRedirector);
            assertThat(pull.exitCode()).as(pull.stderr()).isZero();
            assertThat(redirector.redirects()).isPositive();
            assertThat(redirector.refusedAuthorizations()).isZero();
            assertThat(cli.run("run", "--rm", viaRedirector, "cat", "/data/kept.txt").exitCode()).isZero();
        }
    }

    @Test
    void corruptOrTruncatedLayersAreRejectedAndNothingIsStored() throws IOException {
        try (LocalRegistry registry = LocalRegistry.start(Auth.NONE, root);
                BlobRedirector redirector = BlobRedirector.start(registry)) {
            TestImages.pushLayered(registry, "bad/layered:1");
            String reference = redirector.host() + "/bad/layered:1";
            for (BlobRedirector.Mutation mutation : new BlobRedirector.Mutation[] {
                    BlobRedirector.Mutation.CORRUPT, BlobRedirector.Mutation.TRUNCATE}) {
                redirector.mutate(mutation);
                Cli.Result pull = cli.run("pull", reference);
                assertThat(pull.exitCode()).as(mutation.name()).isEqualTo(125);
                assertThat(pull.stderr()).as(mutation.name()).doesNotContain("\tat ");
                assertThat(cli.run("images", "-q").stdout()).isEmpty();
                assertThat(listing(root.resolve("images/layers"))).as(mutation.name()).isEmpty();
            }
            redirector.mutate(BlobRedirector.Mutation.NONE);
            assertThat(cli.run("pull", "-q", reference).exitCode()).isZero();
        }
    }

    private static Stream<Path> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList().stream();
        }
    }
}
