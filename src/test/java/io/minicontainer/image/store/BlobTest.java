package io.minicontainer.image.store;

import static io.minicontainer.image.store.Fixtures.bytes;
import static io.minicontainer.image.store.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobTest {
    @TempDir
    Path root;
    ImageStore store;

    @BeforeEach
    void openStore() throws IOException {
        store = new ImageStore(root);
    }

    @Test
    void putBlobStoresContentUnderItsDigestAsOciLayoutDoes() throws IOException {
        Digest digest = store.putBlob(bytes("hello"));

        assertThat(digest).isEqualTo(Digest.parse("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"));
        assertThat(store.blobPath(digest)).isEqualTo(root.toRealPath().resolve("blobs/sha256/" + digest.hex()));
        assertThat(store.hasBlob(digest)).isTrue();
        assertThat(store.readBlob(digest)).isEqualTo(bytes("hello"));
        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(names(root.resolve("locks/tmp"))).isEmpty();
    }

    @Test
    void putBlobTwiceKeepsOneCopy() throws IOException {
        Digest first = store.putBlob(bytes("same"));
        Digest second = store.putBlob(bytes("same"));

        assertThat(second).isEqualTo(first);
        assertThat(names(root.resolve("blobs/sha256"))).containsExactly(first.hex());
    }

    @Test
    void streamedBlobIsStoredWhenDigestAndSizeMatch() throws IOException {
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Digest expected = Digest.of(content);
        try (BlobWriter writer = store.newBlob()) {
            writer.write(content, 0, 1000);
            writer.write(content[1000]);
            writer.write(content, 1001, content.length - 1001);
            assertThat(writer.commit(expected, content.length)).isEqualTo(expected);
        }

        assertThat(store.readBlob(expected)).isEqualTo(content);
        assertThat(names(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void digestMismatchStoresNothing() throws IOException {
        Digest announced = Digest.of(bytes("what the registry promised"));
        BlobWriter writer = store.newBlob();
        writer.write(bytes("what arrived"));

        assertThatThrownBy(() -> writer.commit(announced, 12)).isInstanceOf(IOException.class)
                .hasMessage("blob digest mismatch: expected " + announced + ", got " + Digest.of(bytes("what arrived")));
        assertThat(store.hasBlob(announced)).isFalse();
        assertThat(store.hasBlob(Digest.of(bytes("what arrived")))).isFalse();
        assertThat(names(root.resolve("blobs/sha256"))).isEmpty();
        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(names(root.resolve("locks/tmp"))).isEmpty();
    }

    @Test
    void sizeMismatchStoresNothing() throws IOException {
        Digest digest = Digest.of(bytes("abc"));
        BlobWriter writer = store.newBlob();
        writer.write(bytes("abc"));

        assertThatThrownBy(() -> writer.commit(digest, 4)).isInstanceOf(IOException.class)
                .hasMessage("blob " + digest + ": got 3 bytes, expected 4");
        assertThat(store.hasBlob(digest)).isFalse();
        assertThat(names(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void abandonedWriterLeavesNothing() throws IOException {
        try (BlobWriter writer = store.newBlob()) {
            writer.write(bytes("half a layer"));
            assertThat(names(root.resolve("tmp"))).hasSize(1);
        }

        assertThat(names(root.resolve("blobs/sha256"))).isEmpty();
        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(names(root.resolve("locks/tmp"))).isEmpty();
    }

    @Test
    void commitWithoutExpectationStoresUnderTheComputedDigest() throws IOException {
        BlobWriter writer = store.newBlob();
        writer.write(bytes("imported tar"));

        Digest digest = writer.commit();

        assertThat(digest).isEqualTo(Digest.of(bytes("imported tar")));
        assertThat(store.readBlob(digest)).isEqualTo(bytes("imported tar"));
    }

    @Test
    void closedWriterRefusesMoreWork() throws IOException {
        BlobWriter writer = store.newBlob();
        writer.close();

        assertThatThrownBy(() -> writer.write(1)).isInstanceOf(IOException.class).hasMessage("blob writer is closed");
        assertThatThrownBy(writer::commit).isInstanceOf(IOException.class).hasMessage("blob writer is closed");
    }

    @Test
    void readingAMissingBlobSaysWhichOne() {
        Digest digest = Digest.of(bytes("absent"));

        assertThatThrownBy(() -> store.readBlob(digest)).isInstanceOf(IOException.class)
                .hasMessageContaining("blob " + digest + " is not in the store");
        assertThat(Files.exists(store.blobPath(digest))).isFalse();
    }
}
