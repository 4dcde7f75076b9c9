package io.minicontainer.it.registry;

import io.minicontainer.json.Json;
import io.minicontainer.oci.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An OCI image layout being written ({@code oci-layout}, {@code blobs/sha256/}, {@code index.json}),
 * the source skopeo pushes from ({@code oci:DIR:TAG}) and umoci unpacks. Blobs are written once;
 * a tag names a manifest or an index in index.json.
 */
public final class OciLayout {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final Path dir;
    private final Map<String, Blob> tags = new LinkedHashMap<>();

    private OciLayout(Path dir) {
        this.dir = dir;
    }

    public static OciLayout create(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        OciLayout layout = new OciLayout(dir);
        layout.writeIndex();
        return layout;
    }

    public Path dir() {
        return dir;
    }

    /** skopeo's name for a tag of this layout: {@code oci:DIR:TAG}. */
    public String skopeoReference(String tag) {
        return "oci:" + dir + ":" + tag;
    }

    public Path blobPath(Digest digest) {
        return dir.resolve("blobs/sha256").resolve(digest.hex());
    }

    public Blob blob(String mediaType, byte[] content) throws IOException {
        Digest digest = Digest.of(content);
        Path path = blobPath(digest);
        if (!Files.exists(path)) {
            Files.write(path, content);
        }
        return new Blob(mediaType, digest, content.length);
    }

    /** Writes a layer in one pass: tar, hashed for the diffID, compressed, hashed again for the digest. */
    public Layer layer(String mediaType, Compression compression, TarContent content) throws IOException {
        Path partial = Files.createTempFile(dir, "layer-", ".partial");
        MessageDigest compressedHash = Digest.sha256();
        MessageDigest tarHash = Digest.sha256();
        try (OutputStream file = Files.newOutputStream(partial)) {
            // closing the tar closes the whole chain, compressor first, so each stream is closed once
            OutputStream compressed = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), compressedHash);
            TarArchiveOutputStream tar = tarStream(new DigestOutputStream(compression.wrap(compressed), tarHash));
            content.writeTo(tar);
            tar.close();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Digest digest = Digest.of(compressedHash);
        long size = Files.size(partial);
        Files.move(partial, blobPath(digest), StandardCopyOption.REPLACE_EXISTING);
        return new Layer(mediaType, digest, size, Digest.of(tarHash));
    }

    static TarArchiveOutputStream tarStream(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        return tar;
    }

    /** Names a manifest or index {@code tag} in index.json (replacing an earlier one of that name). */
    public void tag(String tag, Blob manifestOrIndex) throws IOException {
        tags.put(tag, manifestOrIndex);
        writeIndex();
    }

    private void writeIndex() throws IOException {
        List<Object> manifests = new ArrayList<>();
        tags.forEach((tag, blob) -> {
            Map<String, Object> descriptor = ImageDocuments.descriptor(blob);
            descriptor.put("annotations", ImageDocuments.ordered(REF_NAME, tag));
            manifests.add(descriptor);
        });
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("manifests", manifests);
        Files.writeString(dir.resolve("index.json"), Json.write(index));
    }
}
