package io.minicontainer.image.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values computed with coreutils: {@code printf '%s' "$A $B" | sha256sum}. */
class ChainIdTest {
    // sha256 of "a", "b" and "c"
    private static final Digest A = Digest.parse("sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
    private static final Digest B = Digest.parse("sha256:3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d");
    private static final Digest C = Digest.parse("sha256:2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6");
    // printf '%s' "$A $B" | sha256sum
    private static final Digest AB = Digest.parse("sha256:51c0c8ace48498d6f5fee6b0592cc06f2da0f3cbe09c5a34a97dce85c3889676");
    // printf '%s' "$AB $C" | sha256sum
    private static final Digest ABC = Digest.parse("sha256:2fce7f8ce91bcf0a1428b36e1024639fdbd9469eea762dba98aa749631885106");

    @Test
    void bottomLayersChainIdIsItsDiffId() {
        assertThat(ImageStore.chainId(List.of(A))).isEqualTo(A);
        assertThat(ImageStore.chainId(null, A)).isEqualTo(A);
    }

    @Test
    void eachLayerHashesTheChainBelowAndItsDiffId() {
        assertThat(ImageStore.chainId(List.of(A, B))).isEqualTo(AB);
        assertThat(ImageStore.chainId(List.of(A, B, C))).isEqualTo(ABC);
        assertThat(ImageStore.chainId(AB, C)).isEqualTo(ABC);
    }

    @Test
    void orderMatters() {
        assertThat(ImageStore.chainId(List.of(B, A))).isNotEqualTo(AB);
    }

    @Test
    void metaKnowsItsChainId() {
        assertThat(new LayerMeta(C, AB, null).chainId()).isEqualTo(ABC);
    }

    @Test
    void noLayersHaveNoChainId() {
        assertThatThrownBy(() -> ImageStore.chainId(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a chain id needs at least one layer");
    }
}
