package io.minicontainer.engine.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.EngineException;
import io.minicontainer.engine.mount.MountRequest.Bind;
import io.minicontainer.engine.mount.MountRequest.Recursion;
import io.minicontainer.engine.mount.MountRequest.Tmpfs;
import io.minicontainer.engine.mount.MountRequest.Volume;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountFlagTest {
    private static final Path CWD = Path.of("/work");

    private static MountRequest parse(String value) {
        return MountFlag.parse(value, CWD);
    }

    @Test
    void bindWithEveryKeySpelling() {
        Bind expected = new Bind("/srv", "/data", true, Recursion.ENABLED, "rprivate", false);
        assertThat(parse("type=bind,source=/srv,target=/data,readonly")).isEqualTo(expected);
        assertThat(parse("type=bind,src=/srv,dst=/data,ro=true")).isEqualTo(expected);
        assertThat(parse("TYPE=BIND,Source=/srv/,destination=/data/,RO=1")).isEqualTo(expected);
        assertThat(parse("type=bind,src=./x,dst=/x")).isEqualTo(new Bind("/work/x", "/x", false, Recursion.ENABLED,
                "rprivate", false));
    }

    @Test
    void aMissingBindSourceIsNotCreatedByMount() {
        assertThat(((Bind) parse("type=bind,src=/srv,dst=/x")).createSource()).isFalse();
    }

    @Test
    void bindRecursionAndPropagation() {
        assertThat(((Bind) parse("type=bind,src=/s,dst=/x,bind-recursive=disabled")).recursion()).isEqualTo(Recursion.DISABLED);
        assertThat(((Bind) parse("type=bind,src=/s,dst=/x,bind-nonrecursive")).recursion()).isEqualTo(Recursion.DISABLED);
        assertThat(((Bind) parse("type=bind,src=/s,dst=/x,ro,bind-recursive=writable")).recursion())
                .isEqualTo(Recursion.WRITABLE);
        assertThat(((Bind) parse("type=bind,src=/s,dst=/x,ro,bind-recursive=readonly,bind-propagation=rprivate"))
                .recursion()).isEqualTo(Recursion.READONLY);
        assertThat(((Bind) parse("type=bind,src=/s,dst=/x,bind-propagation=private")).propagation()).isEqualTo("private");
    }

    @Test
    void volumeIsTheDefaultTypeAndTakesLabels() {
        assertThat(parse("src=cache,dst=/cache,volume-label=a=b,volume-label=c,volume-nocopy,volume-driver=local"))
                .isEqualTo(new Volume("cache", "/cache", false, Map.of("a", "b", "c", "")));
        assertThat(((Volume) parse("type=volume,target=/anon")).anonymous()).isTrue();
    }

    @Test
    void tmpfsGetsDockersDefaultsThenReadOnlyModeAndSize() {
        assertThat(parse("type=tmpfs,dst=/run,tmpfs-size=64m,tmpfs-mode=1770,readonly"))
                .isEqualTo(new Tmpfs("/run", List.of("noexec", "nosuid", "nodev", "ro", "mode=1770", "size=64m")));
        assertThat(parse("type=tmpfs,dst=/run,tmpfs-size=1000"))
                .isEqualTo(new Tmpfs("/run", List.of("noexec", "nosuid", "nodev", "size=1000")));
    }

    @Test
    void quotedFieldsKeepTheirCommas() {
        assertThat(parse("\"type=volume\",\"volume-label=list=a,b\",dst=/x"))
                .isEqualTo(new Volume("", "/x", false, Map.of("list", "a,b")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "type=bind,src=/s,dst=/x,colour=red| unexpected key 'colour' in 'colour=red'",
        "type=bind,src=/s,dst=/x,shiny| invalid field 'shiny' must be a key=value pair",
        "type=,dst=/x| type is required",
        "type=bind,src=/s| target is required",
        "type=bind,src=/s,dst=/x,ro=maybe| invalid value for ro: maybe",
        "type=tmpfs,dst=/x,tmpfs-size=lots| invalid value for tmpfs-size: lots",
        "type=tmpfs,dst=/x,tmpfs-mode=999| invalid value for tmpfs-mode: 999",
        "type=bind,src=/s,dst=/x,volume-nocopy| cannot mix 'volume-*' options with mount type 'bind'",
        "type=volume,src=v1,dst=/x,bind-propagation=rprivate| cannot mix 'bind-*' options with mount type 'volume'",
        "type=volume,src=v1,dst=/x,tmpfs-size=1m| cannot mix 'tmpfs-*' options with mount type 'volume'",
        "type=bind,src=/s,dst=/x,bind-recursive=writable| option 'bind-recursive=writable' requires 'readonly' to be"
                + " specified in conjunction",
        "type=bind,src=/s,dst=/x,ro,bind-recursive=readonly| option 'bind-recursive=readonly' requires"
                + " 'bind-propagation=rprivate' to be specified in conjunction",
        "type=bind,src=/s,dst=/x,bind-recursive=sometimes| invalid value for bind-recursive: sometimes (must be"
                + " \"enabled\", \"disabled\", \"writable\", or \"readonly\")",
        "type=bind,src=/s,dst=x\"y| parse error on line 1, column 23: bare \" in non-quoted-field",
    })
    void cliErrorsNameTheFlagAndItsValue(String value, String message) {
        assertThatThrownBy(() -> parse(value)).isInstanceOf(EngineException.class)
                .hasMessage("invalid argument \"" + value + "\" for \"--mount\" flag: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "type=bind,dst=/x| invalid mount config for type \"bind\": field Source must not be empty",
        "type=bind,src=srv,dst=/x| invalid mount config for type \"bind\": invalid mount path: 'srv' mount path must be"
                + " absolute",
        "type=bind,src=/s,dst=x| invalid mount config for type \"bind\": invalid mount path: 'x' mount path must be"
                + " absolute",
        "type=volume,dst=/| invalid mount config for type \"volume\": invalid specification: destination can't be '/'",
        "type=bind,src=/s,dst=/x,bind-propagation=sideways| invalid mount config for type \"bind\": invalid"
                + " propagation mode: sideways",
        "type=bind,src=/s,dst=/x,bind-propagation=rslave| propagation \"rslave\" is not supported: a container's"
                + " mounts are private to it",
        "type=volume,dst=/x,ro| invalid mount config for type \"volume\": must not set ReadOnly mode when using"
                + " anonymous volumes",
        "type=tmpfs,src=/s,dst=/x| invalid mount config for type \"tmpfs\": field Source must not be specified",
        "type=cluster,dst=/x| invalid mount config for type \"cluster\": mount type unknown",
        "type=volume,src=v1,dst=/x,volume-driver=nfs| volume driver \"nfs\" is not supported: only \"local\" is",
        "type=volume,src=v1,dst=/x,volume-subpath=a| volume-subpath is not supported",
        "src=a/b,dst=/x| create a/b: \"a/b\" includes invalid characters for a local volume name, only"
                + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
    })
    void daemonErrorsAreDockers(String value, String message) {
        assertThatThrownBy(() -> parse(value)).isInstanceOf(EngineException.class).hasMessage(message);
    }

    @Test
    void volumeOptionsOfTheLocalDriverAreRefusedClearly() {
        assertThatThrownBy(() -> parse("src=v1,dst=/x,volume-opt=type=nfs")).isInstanceOf(EngineException.class)
                .hasMessageStartingWith("volume-opt is not supported");
    }
}
