package io.minicontainer.runtime;

import static io.minicontainer.runtime.MountOptions.MS_BIND;
import static io.minicontainer.runtime.MountOptions.MS_NODEV;
import static io.minicontainer.runtime.MountOptions.MS_NOEXEC;
import static io.minicontainer.runtime.MountOptions.MS_NOSUID;
import static io.minicontainer.runtime.MountOptions.MS_PRIVATE;
import static io.minicontainer.runtime.MountOptions.MS_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_REC;
import static io.minicontainer.runtime.MountOptions.MS_REMOUNT;
import static io.minicontainer.runtime.MountOptions.MS_SHARED;
import static io.minicontainer.runtime.MountOptions.MS_SLAVE;
import static io.minicontainer.runtime.MountOptions.MS_STRICTATIME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountOptionsTest {

    private static MountOptions parse(String options) {
        return MountOptions.parse(options.isEmpty() ? List.of() : List.of(options.split(",")));
    }

    @Test
    void flagOptionsSetFlagsAndTheRestIsData() {
        assertThat(parse("nosuid,noexec,mode=755,size=65536k"))
                .isEqualTo(new MountOptions(MS_NOSUID | MS_NOEXEC, 0, "mode=755,size=65536k"));
    }

    @Test
    void noOptionsAreNoFlagsAndNoData() {
        assertThat(parse("")).isEqualTo(new MountOptions(0, 0, ""));
    }

    @Test
    void rbindIsARecursiveBindAndPropagationIsKeptApart() {
        MountOptions options = parse("rbind,rprivate,ro");

        assertThat(options).isEqualTo(new MountOptions(MS_BIND | MS_REC | MS_RDONLY, MS_PRIVATE | MS_REC, ""));
        assertThat(options.isBind()).isTrue();
        assertThat(options.isReadOnly()).isTrue();
    }

    @Test
    void plainBindIsNotRecursive() {
        assertThat(parse("bind").flags()).isEqualTo(MS_BIND);
    }

    @Test
    void eachPropagationOptionHasItsFlags() {
        assertThat(parse("private").propagation()).isEqualTo(MS_PRIVATE);
        assertThat(parse("rshared").propagation()).isEqualTo(MS_SHARED | MS_REC);
        assertThat(parse("rslave").propagation()).isEqualTo(MS_SLAVE | MS_REC);
        assertThat(parse("rshared").flags()).isZero();
    }

    @Test
    void rwAfterRoClearsReadOnly() {
        MountOptions options = parse("ro,nosuid,rw");

        assertThat(options.flags()).isEqualTo(MS_NOSUID);
        assertThat(options.isReadOnly()).isFalse();
    }

    @Test
    void roAfterRwWins() {
        assertThat(parse("rw,ro").isReadOnly()).isTrue();
    }

    @Test
    void clearingOptionsOnlyClearTheirOwnFlag() {
        assertThat(parse("nosuid,nodev,noexec,suid,exec").flags()).isEqualTo(MS_NODEV);
    }

    @Test
    void unknownWordsAreDataInTheirOrder() {
        assertThat(parse("newinstance,ptmxmode=0666,nosuid,mode=0620,gid=5").data())
                .isEqualTo("newinstance,ptmxmode=0666,mode=0620,gid=5");
    }

    @Test
    void notABindWithoutBindOrRbind() {
        assertThat(parse("nosuid,strictatime").isBind()).isFalse();
        assertThat(parse("nosuid,strictatime").flags()).isEqualTo(MS_NOSUID | MS_STRICTATIME);
    }

    @Test
    void describeNamesFlagsInMountOrder() {
        assertThat(MountOptions.describe(MS_NOEXEC | MS_BIND | MS_RDONLY | MS_NOSUID | MS_REC))
                .isEqualTo("ro,nosuid,noexec,bind,rec");
    }

    @Test
    void describeNamesARemount() {
        assertThat(MountOptions.describe(MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC))
                .isEqualTo("ro,nosuid,nodev,noexec,remount,bind");
    }

    @Test
    void describeNamesPropagation() {
        assertThat(MountOptions.describe(MS_REC | MS_PRIVATE)).isEqualTo("rec,private");
    }

    @Test
    void describeOfNoFlagsIsEmpty() {
        assertThat(MountOptions.describe(0)).isEmpty();
    }
}
