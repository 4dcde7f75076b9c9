package io.minicontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Index;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformsTest {
    private static final Map<String, String> ATTESTATION = Map.of(
            "vnd.docker.reference.type", "attestation-manifest",
            "vnd.docker.reference.digest", "sha256:" + "0".repeat(64));

    private static Platform platform(String os, String architecture, String variant) {
        return new Platform(os, architecture, variant);
    }

    private static Descriptor entry(String name, Platform platform) {
        return entry(name, platform, Map.of());
    }

    private static Descriptor entry(String name, Platform platform, Map<String, String> annotations) {
        return new Descriptor(MediaTypes.OCI_MANIFEST, Digest.of(name.getBytes(StandardCharsets.UTF_8)), 100,
                platform, annotations);
    }

    private static Index index(Descriptor... entries) {
        return new Index(MediaTypes.OCI_INDEX, Arrays.asList(entries));
    }

    // host

    @Test
    void hostOnThisMachineIsLinuxAmd64WithoutVariant() {
        assertThat(Platforms.host()).isEqualTo(platform("linux", "amd64", ""));
    }

    @ParameterizedTest
    @CsvSource({"amd64, amd64, ''", "x86_64, amd64, ''", "aarch64, arm64, v8", "x86, 386, ''",
            "i386, 386, ''", "ppc64le, ppc64le, ''", "s390x, s390x, ''", "riscv64, riscv64, ''"})
    void hostArchitectureIsInGoNaming(String javaArch, String architecture, String variant) {
        assertThat(Platforms.host(javaArch, () -> "")).isEqualTo(platform("linux", architecture, variant));
    }

    @Test
    void hostArmVariantComesFromCpuinfo() {
        String v6 = "processor\t: 0\nmodel name\t: ARMv6-compatible processor rev 7 (v6l)\nCPU architecture: 6\n";
        String v7 = "processor\t: 0\nCPU architecture: 7\n";

        assertThat(Platforms.host("arm", () -> v6)).isEqualTo(platform("linux", "arm", "v6"));
        assertThat(Platforms.host("arm", () -> v7)).isEqualTo(platform("linux", "arm", "v7"));
    }

    @Test
    void hostArmIsV7WhenCpuinfoIsSilentOrA64BitCpu() {
        assertThat(Platforms.armVariant("")).isEqualTo("v7");
        assertThat(Platforms.armVariant("CPU architecture: 8\n")).isEqualTo("v7");
        assertThat(Platforms.armVariant("CPU architecture: 5TEJ\n")).isEqualTo("v5");
    }

    // parse

    @ParameterizedTest
    @CsvSource({"linux/amd64, linux, amd64, ''", "linux/arm64/v8, linux, arm64, v8",
            "linux/arm64, linux, arm64, v8", "linux/arm/v7, linux, arm, v7", "linux/arm, linux, arm, v7",
            "linux/arm/v6, linux, arm, v6", "linux/x86_64, linux, amd64, ''", "linux/aarch64, linux, arm64, v8",
            "linux/amd64/v1, linux, amd64, ''", "linux/amd64/v3, linux, amd64, v3", "LINUX/AMD64, linux, amd64, ''",
            "linux/riscv64, linux, riscv64, ''", "windows/amd64, windows, amd64, ''"})
    void parseNormalizesLikeDocker(String text, String os, String architecture, String variant) {
        assertThat(Platforms.parse(text)).isEqualTo(platform(os, architecture, variant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux", "linux/", "/amd64", "linux/amd64/", "linux/arm/v7/extra", "linux/am d64",
            "linux//v7"})
    void parseRejectsAnythingButOsArchVariant(String text) {
        assertThatThrownBy(() -> Platforms.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid platform \"" + text + "\": expected os/arch[/variant]");
    }

    @Test
    void parsedPlatformPrintsAsDockerPrintsIt() {
        assertThat(Platforms.parse("linux/arm64")).hasToString("linux/arm64/v8");
        assertThat(Platforms.parse("linux/amd64")).hasToString("linux/amd64");
    }

    // select

    @Test
    void selectPicksTheMatchingManifest() {
        Descriptor amd64 = entry("amd64", platform("linux", "amd64", ""));
        Descriptor arm64 = entry("arm64", platform("linux", "arm64", "v8"));
        Index index = index(entry("arm", platform("linux", "arm", "v7")), arm64, amd64);

        assertThat(Platforms.select(index, Platforms.parse("linux/amd64"))).isEqualTo(amd64);
        assertThat(Platforms.select(index, Platforms.parse("linux/arm64"))).isEqualTo(arm64);
    }

    @ParameterizedTest
    @CsvSource({"arm64, '', linux/arm64/v8", "arm64, v8, linux/arm64", "aarch64, '', linux/arm64/v8",
            "amd64, v1, linux/amd64", "x86_64, '', linux/amd64", "arm, '', linux/arm/v7", "arm, v7, linux/arm",
            "i386, '', linux/386"})
    void selectNormalizesBothSides(String architecture, String variant, String wanted) {
        Descriptor only = entry("only", platform("linux", architecture, variant));

        assertThat(Platforms.select(index(only), Platforms.parse(wanted))).isEqualTo(only);
    }

    @Test
    void selectTakesTheFirstOfSeveralMatches() {
        Descriptor first = entry("first", platform("linux", "arm64", ""));
        Descriptor second = entry("second", platform("linux", "arm64", "v8"));

        assertThat(Platforms.select(index(first, second), Platforms.parse("linux/arm64/v8"))).isEqualTo(first);
    }

    @Test
    void selectComparesOsAndArchitectureCaseSensitively() {
        Index index = index(entry("upper", platform("Linux", "AMD64", "")));

        assertThatThrownBy(() -> Platforms.select(index, platform("linux", "amd64", "")))
                .hasMessage("no matching manifest for linux/amd64 in the manifest list entries (available: Linux/AMD64)");
    }

    @Test
    void selectDoesNotMixVariants() {
        Index index = index(entry("v6", platform("linux", "arm", "v6")));

        assertThatThrownBy(() -> Platforms.select(index, Platforms.parse("linux/arm/v7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no matching manifest for linux/arm/v7 in the manifest list entries (available: linux/arm/v6)");
    }

    @Test
    void selectSkipsAttestationsAndEntriesWithoutPlatform() {
        Descriptor attestation = entry("attestation", platform("linux", "amd64", ""), ATTESTATION);
        Descriptor unknown = entry("unknown", platform("unknown", "unknown", ""));
        Descriptor noPlatform = entry("none", null);
        Descriptor amd64 = entry("amd64", platform("linux", "amd64", ""));

        assertThat(Platforms.select(index(attestation, unknown, noPlatform, amd64), Platforms.parse("linux/amd64")))
                .isEqualTo(amd64);
        assertThatThrownBy(() -> Platforms.select(index(unknown), platform("unknown", "unknown", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noMatchListsTheRealPlatformsOnly() {
        Index index = index(entry("arm64", platform("linux", "arm64", "v8")),
                entry("arm64 attestation", platform("unknown", "unknown", ""), ATTESTATION),
                entry("arm", platform("linux", "arm", "v7")),
                entry("arm attestation", platform("unknown", "unknown", ""), ATTESTATION));

        assertThatThrownBy(() -> Platforms.select(index, Platforms.parse("linux/amd64")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no matching manifest for linux/amd64 in the manifest list entries"
                        + " (available: linux/arm64/v8, linux/arm/v7)");
    }

    @Test
    void noMatchInAnIndexWithoutPlatformsSaysNone() {
        Index index = index(entry("none", null));

        assertThatThrownBy(() -> Platforms.select(index, Platforms.parse("linux/amd64")))
                .hasMessage("no matching manifest for linux/amd64 in the manifest list entries (available: none)");
    }
}
