package io.minicontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
    @TempDir
    Path dir;
    private Path file;
    private Path home;
    private CredentialStore store;

    @BeforeEach
    void emptyStore() {
        file = dir.resolve("root/auth.json");
        home = dir.resolve("home");
        store = new CredentialStore(file, home);
    }

    private void dockerConfig(String json) throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), json);
    }

    private static String auth(String userColonPassword) {
        return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loginStoresInAFileOnlyItsOwnerCanRead() throws Exception {
        store.login("quay.io", "alice", "s3cret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("\"quay.io\"", auth("alice:s3cret")).doesNotContain("s3cret");
        assertThat(store.find("quay.io")).contains(new Credentials("alice", "s3cret"));
        assertThat(Files.list(file.getParent())).containsExactly(file); // the temporary file was renamed
    }

    @Test
    void aFileWithWiderPermissionsIsReplacedByAPrivateOne() throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        store.login("quay.io", "alice", "s3cret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void loginReplacesAndKeepsTheOthers() throws Exception {
        store.login("quay.io", "alice", "one");
        store.login("ghcr.io", "bob", "two");
        store.login("quay.io", "alice", "three");

        assertThat(store.find("quay.io")).contains(new Credentials("alice", "three"));
        assertThat(store.find("ghcr.io")).contains(new Credentials("bob", "two"));
    }

    @Test
    void passwordsMayContainColons() throws Exception {
        store.login("quay.io", "alice", "a:b:c");

        assertThat(store.find("quay.io")).contains(new Credentials("alice", "a:b:c"));
        assertThatThrownBy(() -> store.login("quay.io", "al:ice", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logoutForgets() throws Exception {
        store.login("quay.io", "alice", "s3cret");
        store.login("ghcr.io", "bob", "two");

        assertThat(store.logout("quay.io")).isTrue();
        assertThat(store.logout("quay.io")).isFalse();
        assertThat(store.find("quay.io")).isEmpty();
        assertThat(store.find("ghcr.io")).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void nothingStoredIsEmptyNotAnError() throws Exception {
        assertThat(store.find("quay.io")).isEmpty();
        assertThat(store.logout("quay.io")).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void honoursDockersConfigIncludingItsNameForDockerHub() throws Exception {
        dockerConfig("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("hubuser:hubpass") + "\"},"
                + "\"quay.io\":{\"auth\":\"" + auth("q:p") + "\"},"
                + "\"https://ghcr.io\":{\"username\":\"g\",\"password\":\"h\"},"
                + "\"token.only\":{\"identitytoken\":\"x\"}},\"credsStore\":\"desktop\"}");

        assertThat(store.find("docker.io")).contains(new Credentials("hubuser", "hubpass"));
        assertThat(store.find("quay.io")).contains(new Credentials("q", "p"));
        assertThat(store.find("ghcr.io")).contains(new Credentials("g", "h"));
        assertThat(store.find("token.only")).isEmpty();
    }

    @Test
    void ownLoginsWinOverDockersConfig() throws Exception {
        dockerConfig("{\"auths\":{\"quay.io\":{\"auth\":\"" + auth("docker:side") + "\"}}}");
        store.login("quay.io", "mine", "pass");

        assertThat(store.find("quay.io")).contains(new Credentials("mine", "pass"));
        assertThat(store.logout("quay.io")).isTrue();
        assertThat(store.find("quay.io")).contains(new Credentials("docker", "side")); // docker's file is never changed
    }

    @Test
    void dockerHubsNamesAreOneRegistry() throws Exception {
        store.login("https://index.docker.io/v1/", "alice", "s3cret");

        for (String name : new String[] {"docker.io", "index.docker.io", "registry-1.docker.io"}) {
            assertThat(store.find(name)).as(name).isPresent();
        }
        assertThat(CredentialStore.normalizeRegistry("HTTPS://Quay.IO/v2/")).isEqualTo("quay.io");
        assertThat(CredentialStore.normalizeRegistry("localhost:5000")).isEqualTo("localhost:5000");
    }

    @Test
    void aBrokenFileIsAnErrorThatNamesIt() throws Exception {
        dockerConfig("{\"auths\":{\"quay.io\":{\"auth\":\"!!\"}}}");

        assertThatThrownBy(() -> store.find("quay.io")).isInstanceOf(IOException.class)
                .hasMessageContaining(home.resolve(".docker/config.json").toString()).hasMessageContaining("base64");
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertThat(new Credentials("alice", "s3cret")).hasToString("Credentials[username=alice, password=***]");
        assertThat(Optional.of(new Credentials("alice", "s3cret")).toString()).doesNotContain("s3cret");
    }
}
