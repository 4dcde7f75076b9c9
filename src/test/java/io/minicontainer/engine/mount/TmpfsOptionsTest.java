package io.minicontainer.engine.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.EngineException;
import io.minicontainer.engine.mount.MountRequest.Tmpfs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TmpfsOptionsTest {

    @Test
    void withoutOptionsDockersDefaults() {
        assertThat(TmpfsOptions.parseFlag("/run")).isEqualTo(new Tmpfs("/run", List.of("noexec", "nosuid", "nodev")));
        assertThat(TmpfsOptions.parseFlag("/run/")).isEqualTo(new Tmpfs("/run", List.of("noexec", "nosuid", "nodev")));
    }

    @Test
    void laterOptionsOfTheSameKindWin() {
        assertThat(TmpfsOptions.parseFlag("/run:exec,size=1m,ro,size=2m").options())
                .containsExactly("nosuid", "nodev", "exec", "ro", "size=2m");
        assertThat(TmpfsOptions.parseFlag("/run:rw,mode=1777,uid=1000").options())
                .containsExactly("noexec", "nosuid", "nodev", "rw", "mode=1777", "uid=1000");
    }

    @Test
    void sizesInDockersUnitsBecomeTheKernels() {
        assertThat(TmpfsOptions.parseFlag("/t:size=64m").options()).contains("size=64m");
        assertThat(TmpfsOptions.parseFlag("/t:size=64MB").options()).contains("size=64m");
        assertThat(TmpfsOptions.parseFlag("/t:size=1.5GiB").options()).contains("size=1536m");
        assertThat(TmpfsOptions.parseFlag("/t:size=50%").options()).contains("size=50%");
    }

    @Test
    void unknownOptionsAndBadValuesAreRefusedWithDockersWording() {
        assertThatThrownBy(() -> TmpfsOptions.parseFlag("/t:bogus")).isInstanceOf(EngineException.class)
                .hasMessage("invalid tmpfs option [\"bogus\"]");
        assertThatThrownBy(() -> TmpfsOptions.parseFlag("/t:size=lots")).hasMessage("invalid tmpfs option [\"size\" \"lots\"]");
        assertThatThrownBy(() -> TmpfsOptions.parseFlag("/t:mode=rwx")).hasMessage("invalid tmpfs option [\"mode\" \"rwx\"]");
        assertThatThrownBy(() -> TmpfsOptions.parseFlag("/t:bind")).hasMessage("invalid tmpfs option [\"bind\"]");
        assertThatThrownBy(() -> TmpfsOptions.parseFlag("/t:rshared"))
                .hasMessage("propagation \"rshared\" is not supported: a container's mounts are private to it");
    }

    @Test
    void theTargetMustBeAbsoluteAndNotTheRoot() {
        assertThatThrownBy(() -> TmpfsOptions.parseFlag("tmp"))
                .hasMessage("invalid mount path: 'tmp' mount path must be absolute");
        assertThatThrownBy(() -> TmpfsOptions.parseFlag("/:size=1m"))
                .hasMessage("invalid specification: destination can't be '/'");
    }

    @Test
    void byteSizesFollowGoUnits() {
        assertThat(ByteSize.parse("64m")).contains(64L << 20);
        assertThat(ByteSize.parse("64 MiB")).contains(64L << 20);
        assertThat(ByteSize.parse("2k")).contains(2048L);
        assertThat(ByteSize.parse("100")).contains(100L);
        assertThat(ByteSize.parse("0.5g")).contains(512L << 20);
        assertThat(ByteSize.parse("1.2.3")).isEqualTo(Optional.empty());
        assertThat(ByteSize.parse("m")).isEmpty();
        assertThat(ByteSize.kernelForm(3L << 30)).isEqualTo("3g");
        assertThat(ByteSize.kernelForm(1536)).isEqualTo("1536");
        assertThat(ByteSize.kernelForm(2048)).isEqualTo("2k");
    }
}
