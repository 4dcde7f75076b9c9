package io.minicontainer.it.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Basic and token auth of the test registry, step by step with plain HTTP. */
@Timeout(120)
class RegistryAuthIT {
    static final Credentials ALICE = new Credentials("alice", "s3cret pass");

    @TempDir
    Path tmp;

    @BeforeAll
    static void tools() {
        InfraChecks.assumeRoot();
    }

    @Test
    void basicAuthLetsInTheRightPasswordOnly() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Auth.basic(ALICE.user(), ALICE.password()), tmp);
                RegistryHttp anonymous = new RegistryHttp(registry.url(), Optional.empty())) {
            PushedImage busybox = TestImages.pushBusybox(registry, "test/busybox:1");

            HttpResponse<byte[]> challenge = anonymous.get("/v2/");
            assertThat(challenge.statusCode()).isEqualTo(401);
            assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"minicontainer-test\"");
            assertThat(status(anonymous, "/v2/", new Credentials("alice", "wrong").basicHeader())).isEqualTo(401);
            assertThat(status(anonymous, "/v2/", ALICE.basicHeader())).isEqualTo(200);
            try (RegistryHttp alice = RegistryHttp.of(registry)) {
                assertThat(alice.manifest("test/busybox", "1").digest()).isEqualTo(busybox.manifestDigest());
            }
            Skopeo wrong = registry.skopeo().withCredentials(Optional.of(new Credentials("alice", "wrong")));
            assertThatThrownBy(() -> wrong.inspect(busybox.reference(), true)).isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("unauthorized");
        }
    }

    @Test
    void tokenFlowFromChallengeToManifest() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Auth.token(ALICE.user(), ALICE.password()), tmp);
                RegistryHttp http = new RegistryHttp(registry.url(), Optional.empty())) {
            TokenServer tokens = registry.tokenServer().orElseThrow();
            PushedImage busybox = TestImages.pushBusybox(registry, "test/busybox:1");
            assertThat(tokens.scopesRequested()).contains("repository:test/busybox:pull,push");
            tokens.resetCounts();

            // 1. the registry challenges, naming realm, service and scope
            HttpResponse<byte[]> challenged = http.send(HttpRequest.newBuilder(registry.url().resolve(
                    "/v2/test/busybox/manifests/1")).build());
            assertThat(challenged.statusCode()).isEqualTo(401);
            AuthChallenge challenge = AuthChallenge.parse(challenged.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertThat(challenge.scheme()).isEqualTo("Bearer");
            assertThat(challenge.param("realm")).isEqualTo(tokens.realm());
            assertThat(challenge.param("service")).isEqualTo(TokenServer.SERVICE);
            assertThat(challenge.param("scope")).isEqualTo("repository:test/busybox:pull");

            // 2. the token server: wrong password refused, right one gets a token for that scope
            URI tokenUri = URI.create(challenge.param("realm") + "?service=" + challenge.param("service") + "&scope="
                    + URLEncoder.encode(challenge.param("scope"), StandardCharsets.UTF_8));
            HttpRequest.Builder tokenRequest = HttpRequest.newBuilder(tokenUri);
            assertThat(http.send(tokenRequest.header("Authorization", new Credentials("alice", "x").basicHeader()).build())
                    .statusCode()).isEqualTo(401);
            HttpResponse<byte[]> granted = http.send(tokenRequest.setHeader("Authorization", ALICE.basicHeader()).build());
            assertThat(granted.statusCode()).isEqualTo(200);
            String token = JsonObject.of(Json.parse(new String(granted.body(), StandardCharsets.UTF_8)), "token").string("token");
            JsonObject claims = JsonObject.of(Jwt.claims(token), "claims");
            assertThat(claims.string("aud")).isEqualTo(TokenServer.SERVICE);
            assertThat(claims.string("sub")).isEqualTo("alice");
            assertThat(claims.objects("access").getFirst().strings("actions")).containsExactly("pull");

            // 3. the token opens the manifest
            HttpResponse<byte[]> manifest = http.getAs("/v2/test/busybox/manifests/1", "Bearer " + token);
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(manifest.headers().firstValue("Docker-Content-Digest")).hasValue(busybox.manifestDigest().toString());
            assertThat(tokens.requests()).extracting(TokenServer.TokenRequest::status).containsExactly(401, 200);
        }
    }

    @Test
    void tokensWithoutAccessOrExpiredAreRefused() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Auth.token(ALICE.user(), ALICE.password()), tmp);
                RegistryHttp anonymous = new RegistryHttp(registry.url(), Optional.empty())) {
            TokenServer tokens = registry.tokenServer().orElseThrow();
            TestImages.pushBusybox(registry, "test/busybox:1");

            // anonymous callers get a token, but one without access: the registry says insufficient_scope
            HttpResponse<byte[]> refused = anonymous.get("/v2/test/busybox/manifests/1", "Accept", RegistryHttp.MANIFEST_ACCEPT);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");

            String expired = tokens.issue("alice", List.of(new TokenServer.Access("repository", "test/busybox", List.of("pull"))),
                    Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5));
            assertThat(status(anonymous, "/v2/test/busybox/manifests/1", "Bearer " + expired)).isEqualTo(401);
            String valid = tokens.issue("alice", List.of(new TokenServer.Access("repository", "test/busybox", List.of("pull"))),
                    Instant.now(), Duration.ofMinutes(5));
            assertThat(status(anonymous, "/v2/test/busybox/manifests/1", "Bearer " + valid)).isEqualTo(200);
        }
    }

    @Test
    void anonymousPullsWhenAllowedButNoAnonymousPush() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Auth.token(ALICE.user(), ALICE.password(), true), tmp);
                RegistryHttp anonymous = new RegistryHttp(registry.url(), Optional.empty())) {
            PushedImage busybox = TestImages.pushBusybox(registry, "test/busybox:1");

            assertThat(anonymous.manifest("test/busybox", "1").digest()).isEqualTo(busybox.manifestDigest());
            TokenServer.TokenRequest last = registry.tokenServer().orElseThrow().requests().getLast();
            assertThat(last.user()).isNull();
            assertThat(last.granted()).extracting(TokenServer.Access::actions).containsExactly(List.of("pull"));
            Skopeo nobody = registry.skopeo().withCredentials(Optional.empty());
            OciLayout layout = OciLayout.create(registry.newScratchDir("anonymous-"));
            layout.tag("1", TestImages.busybox(layout, ImageFormat.OCI, RunSettings.BUSYBOX).manifest());
            assertThatThrownBy(() -> nobody.push(layout.skopeoReference("1"), registry.reference("test/other:1"),
                    ImageFormat.OCI, false)).isInstanceOf(CommandFailedException.class);
        }
    }

    private static int status(RegistryHttp http, String path, String authorization) throws Exception {
        return http.getAs(path, authorization).statusCode();
    }
}
