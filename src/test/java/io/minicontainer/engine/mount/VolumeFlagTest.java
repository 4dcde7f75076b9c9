package io.minicontainer.engine.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.EngineException;
import io.minicontainer.engine.mount.MountRequest.Bind;
import io.minicontainer.engine.mount.MountRequest.Recursion;
import io.minicontainer.engine.mount.MountRequest.Volume;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VolumeFlagTest {
    private static final Path CWD = Path.of("/home/me/project");

    private static MountRequest parse(String spec) {
        return VolumeFlag.parse(spec, CWD);
    }

    @Test
    void anAbsoluteHostPathIsAWritableRecursivePrivateBindThatIsCreatedWhenMissing() {
        assertThat(parse("/srv/data:/data"))
                .isEqualTo(new Bind("/srv/data", "/data", false, Recursion.ENABLED, "rprivate", true));
    }

    @Test
    void roMakesItReadOnlyAndPathsAreCleaned() {
        assertThat(parse("/srv//data/:/data/../data/:ro"))
                .isEqualTo(new Bind("/srv/data", "/data", true, Recursion.ENABLED, "rprivate", true));
    }

    @Test
    void aNameIsANamedVolume() {
        assertThat(parse("cache:/var/cache:ro")).isEqualTo(new Volume("cache", "/var/cache", true, Map.of()));
    }

    @Test
    void aContainerPathAloneIsAnAnonymousVolume() {
        Volume volume = (Volume) parse("/var/lib/data");
        assertThat(volume.anonymous()).isTrue();
        assertThat(volume.target()).isEqualTo("/var/lib/data");
    }

    @Test
    void hostPathsStartingWithADotAreResolvedAgainstTheWorkingDirectoryAsDocker23Does() {
        assertThat(((Bind) parse("./src:/src")).source()).isEqualTo("/home/me/project/src");
        assertThat(((Bind) parse(".:/src")).source()).isEqualTo("/home/me/project");
        assertThat(((Bind) parse("../lib:/lib")).source()).isEqualTo("/home/me/lib");
    }

    @Test
    void labelsConsistencyAndNocopyAreAcceptedAndChangeNothing() {
        assertThat(parse("/srv:/srv:z")).isEqualTo(parse("/srv:/srv"));
        assertThat(parse("/srv:/srv:Z,ro,cached")).isEqualTo(parse("/srv:/srv:ro"));
        assertThat(parse("v1:/srv:nocopy")).isEqualTo(parse("v1:/srv"));
        assertThat(parse("/srv:/srv:private")).isEqualTo(new Bind("/srv", "/srv", false, Recursion.ENABLED, "private", true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| invalid empty volume spec",
        "foo/bar:/x| create foo/bar: \"foo/bar\" includes invalid characters for a local volume name, only"
                + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
        "a:/x| create a: \"a\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\""
                + " are allowed. If you intended to pass a host directory, use absolute path",
        "/srv:data| invalid volume specification: '/srv:data': invalid mount config for type \"bind\": invalid mount"
                + " path: 'data' mount path must be absolute",
        "vol:data| invalid volume specification: 'vol:data': invalid mount config for type \"volume\": invalid mount"
                + " path: 'data' mount path must be absolute",
        "data| invalid volume specification: 'data': invalid mount config for type \"volume\": invalid mount path:"
                + " 'data' mount path must be absolute",
        "/srv:/| invalid volume specification: '/srv:/': invalid mount config for type \"bind\": invalid"
                + " specification: destination can't be '/'",
        "/srv:/x:rw,ro| invalid mode: rw,ro",
        "/srv:/x:bogus| invalid mode: bogus",
        "/x:ro| invalid volume specification: '/x:ro'",
        "/a::/b| invalid spec: /a::/b: empty section between colons",
        "/a:/b:| invalid spec: /a:/b:: empty section between colons",
        "/a:/b:ro:x| invalid spec: /a:/b:ro:x: too many colons",
        "vol:/x:rprivate| invalid volume specification: 'vol:/x:rprivate': invalid mount config for type \"volume\":"
                + " field BindOptions must not be specified",
        "/srv:/x:rshared| propagation \"rshared\" is not supported: a container's mounts are private to it",
    })
    void badSpecsGetDockersMessage(String spec, String message) {
        assertThatThrownBy(() -> parse(spec)).isInstanceOf(EngineException.class).hasMessage(message);
    }
}
