package io.minicontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String HEX = "a".repeat(64);

    @ParameterizedTest
    @CsvSource({
        "busybox,                       docker.io,       library/busybox, latest",
        "busybox:1.36,                  docker.io,       library/busybox, 1.36",
        "user/repo,                     docker.io,       user/repo,       latest",
        "docker.io/busybox,             docker.io,       library/busybox, latest",
        "index.docker.io/library/x:y,   docker.io,       library/x,       y",
        "localhost/x,                   localhost,       x,               latest",
        "localhost:5000/a/b/c:t,        localhost:5000,  a/b/c,           t",
        "127.0.0.1:5000/team/app:v1.2,  127.0.0.1:5000,  team/app,        v1.2",
        "registry.example.com/app,      registry.example.com, app,        latest",
        "a_b/c-d.e__f,                  docker.io,       a_b/c-d.e__f,    latest",
    })
    void referencesAreNormalizedAsDockerDoes(String text, String registry, String repository, String tag) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isNull();
    }

    @Test
    void aDigestPinsTheReferenceAndATagMayComeWithIt() {
        ImageReference byDigest = ImageReference.parse("busybox@sha256:" + HEX);
        assertThat(byDigest.tag()).isEmpty();
        assertThat(byDigest.digest()).isEqualTo(new Digest(HEX));
        assertThat(byDigest.toString()).isEqualTo("docker.io/library/busybox@sha256:" + HEX);

        ImageReference both = ImageReference.parse("host:5000/app:1@sha256:" + HEX);
        assertThat(both.tag()).isEqualTo("1");
        assertThat(both.familiar()).isEqualTo("host:5000/app:1@sha256:" + HEX);
    }

    @Test
    void dockerHubIsReachedAtRegistry1AndShownInItsShortForm() {
        ImageReference ref = ImageReference.parse("busybox");
        assertThat(ref.registryHost()).isEqualTo("registry-1.docker.io");
        assertThat(ref.familiarName()).isEqualTo("busybox");
        assertThat(ref.familiar()).isEqualTo("busybox:latest");
        assertThat(ref.toString()).isEqualTo("docker.io/library/busybox:latest");
        assertThat(ImageReference.parse("user/repo:2").familiar()).isEqualTo("user/repo:2");
        assertThat(ImageReference.parse("localhost:5000/x").registryHost()).isEqualTo("localhost:5000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "UPPER", "a/B", "a//b", "-leading", "name:", "name:-bad", "name@sha256:xyz",
            "name@md5:" + "a", "trailing/", "a:b:c"})
    void invalidReferencesAreRefusedWithDockersWords(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid reference format \"" + text + "\"");
    }

    @Test
    void upperCaseInARepositoryIsNamedAsTheProblem() {
        assertThatThrownBy(() -> ImageReference.parse("library/BusyBox"))
                .hasMessageContaining("repository name must be lowercase");
    }
}
