package io.minicontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.MediaTypes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends RegistryFixture {

    @BeforeEach
    void someImages() {
        registry.putManifest("library/busybox", "latest", MediaTypes.OCI_MANIFEST, manifestBytes("public"));
        registry.putManifest("alice/private", "latest", MediaTypes.OCI_MANIFEST, manifestBytes("private"));
        tokens.privateRepositories.add("alice/private");
    }

    @Test
    void basicAuthUsesTheStoredCredentials() throws Exception {
        registry.auth = FakeRegistry.Auth.BASIC;
        login();

        client.fetchManifest(registry.ref("library/busybox"));
        client.fetchManifest(registry.ref("library/busybox"));

        assertThat(registry.requests).extracting(FakeServer.Seen::authorization)
                .containsExactly(null, FakeRegistry.BASIC, FakeRegistry.BASIC); // asked once, then sent up front
    }

    @Test
    void basicAuthWithoutCredentialsSaysAuthenticationIsRequired() {
        registry.auth = FakeRegistry.Auth.BASIC;

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessage(registry.ref("library/busybox") + ": authentication required");
    }

    @Test
    void basicAuthWithWrongCredentialsSaysSo() throws Exception {
        registry.auth = FakeRegistry.Auth.BASIC;
        credentials.login(registry.address(), FakeRegistry.USER, "wrong");

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessage(registry.ref("library/busybox") + ": unauthorized: incorrect username or password");
    }

    @Test
    void bearerTokensAreFetchedAnonymouslyForTheChallengedServiceAndScope() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;

        client.fetchManifest(registry.ref("library/busybox"));

        assertThat(tokens.requests).singleElement().satisfies(seen -> {
            assertThat(seen.authorization()).isNull();
            assertThat(FakeTokenService.query(seen.query())).isEqualTo(
                    Map.of("service", FakeTokenService.SERVICE, "scope", "repository:library/busybox:pull"));
        });
        assertThat(registry.requests.getLast().authorization()).isEqualTo("Bearer token-1");
    }

    @Test
    void bearerTokensAreFetchedWithTheStoredCredentials() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;
        login();

        client.fetchManifest(registry.ref("alice/private"));

        assertThat(tokens.requests.getFirst().authorization()).isEqualTo(FakeRegistry.BASIC);
    }

    @Test
    void oauthStyleAccessTokensWorkToo() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;
        tokens.oauthField = true;

        client.fetchManifest(registry.ref("library/busybox"));

        assertThat(registry.requests.getLast().authorization()).isEqualTo("Bearer token-1");
    }

    @Test
    void tokensAreReusedUntilTheyExpire() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;
        tokens.expiresIn = 300;

        client.fetchManifest(registry.ref("library/busybox"));
        clock.advance(Duration.ofSeconds(299));
        client.fetchManifest(registry.ref("library/busybox"));
        assertThat(tokens.tokensIssued()).isOne();

        clock.advance(Duration.ofSeconds(2));
        client.fetchManifest(registry.ref("library/busybox"));
        assertThat(tokens.tokensIssued()).isEqualTo(2);
        assertThat(registry.requests).hasSize(4); // one 401, then three answered ones: expiry was foreseen
    }

    @Test
    void tokensWithoutExpiresInLiveSixtySeconds() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;

        client.fetchManifest(registry.ref("library/busybox"));
        clock.advance(Duration.ofSeconds(59));
        client.fetchManifest(registry.ref("library/busybox"));
        clock.advance(Duration.ofSeconds(2));
        client.fetchManifest(registry.ref("library/busybox"));

        assertThat(tokens.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aTokenRefusedBeforeItsTimeIsReplaced() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;
        client.fetchManifest(registry.ref("library/busybox"));
        tokens.revokeAll();

        client.fetchManifest(registry.ref("library/busybox"));

        assertThat(registry.requests.getLast().authorization()).isEqualTo("Bearer token-2");
    }

    @Test
    void tokensAreCachedPerScope() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;
        login();

        client.fetchManifest(registry.ref("library/busybox"));
        client.fetchManifest(registry.ref("alice/private"));
        client.fetchManifest(registry.ref("library/busybox"));

        assertThat(tokens.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aTokenWithoutTheScopeIsAClearError() {
        registry.auth = FakeRegistry.Auth.BEARER;

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("alice/private")))
                .hasMessage(registry.ref("alice/private") + ": insufficient_scope: access to repository:alice/private:pull"
                        + " denied (the repository does not exist, or needs a login)");
    }

    @Test
    void wrongCredentialsAtTheTokenServiceSaySo() throws Exception {
        registry.auth = FakeRegistry.Auth.BEARER;
        credentials.login(registry.address(), FakeRegistry.USER, "wrong");

        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessage(registry.ref("library/busybox") + ": unauthorized: incorrect username or password");
    }

    @Test
    void checkLoginAcceptsTheRightCredentialsWithBasicAndBearer() throws Exception {
        registry.auth = FakeRegistry.Auth.BASIC;
        client.checkLogin(registry.address(), FakeRegistry.USER, FakeRegistry.PASSWORD);

        registry.auth = FakeRegistry.Auth.BEARER;
        client.checkLogin(registry.address(), FakeRegistry.USER, FakeRegistry.PASSWORD);

        assertThat(FakeTokenService.query(tokens.requests.getFirst().query()))
                .isEqualTo(Map.of("service", FakeTokenService.SERVICE)); // /v2/ challenges carry no scope
        assertThat(tokens.requests.getFirst().authorization()).isEqualTo(FakeRegistry.BASIC);
        assertThat(registry.requestsTo("/v2/")).allSatisfy(seen -> assertThat(seen.path()).isEqualTo("/v2/"));
    }

    @Test
    void checkLoginRefusesWrongCredentials() {
        for (FakeRegistry.Auth mode : new FakeRegistry.Auth[] {FakeRegistry.Auth.BASIC, FakeRegistry.Auth.BEARER}) {
            registry.auth = mode;
            assertThatThrownBy(() -> client.checkLogin(registry.address(), FakeRegistry.USER, "wrong"))
                    .hasMessage("login to " + registry.address() + ": unauthorized: incorrect username or password");
        }
    }

    @Test
    void checkLoginNeitherStoresNorCachesAnything() throws Exception {
        registry.auth = FakeRegistry.Auth.BASIC;
        client.checkLogin(registry.address(), FakeRegistry.USER, FakeRegistry.PASSWORD);

        assertThat(credentials.find(registry.address())).isEmpty();
        assertThatThrownBy(() -> client.fetchManifest(registry.ref("library/busybox")))
                .hasMessageEndingWith(": authentication required");
    }
}
