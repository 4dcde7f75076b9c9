package io.minicontainer.image;

import io.minicontainer.image.layer.Compression;
import io.minicontainer.image.layer.LayerUnpacker;
import io.minicontainer.image.store.BlobWriter;
import io.minicontainer.image.store.ImageRecord;
import io.minicontainer.image.store.ImageStore;
import io.minicontainer.image.store.LayerInfo;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageJson;
import io.minicontainer.oci.ImageSpec.Config;
import io.minicontainer.oci.ImageSpec.Descriptor;
import io.minicontainer.oci.ImageSpec.Manifest;
import io.minicontainer.oci.ImageSpec.Platform;
import io.minicontainer.oci.ImageSpec.RunConfig;
import io.minicontainer.oci.MediaTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * docker import: a plain root file system tarball (gzip, zstd or none, like Alpine's minirootfs)
 * becomes a one-layer image. The tarball is kept as the layer's blob exactly as given, so a later
 * save hands out the same bytes.
 */
public final class Importer {
    private final ImageStore store;

    public Importer(ImageStore store) {
        this.store = store;
    }

    @SuppressWarnings("try") // the pin only has to be held: it keeps garbage collection away
    public ImageRecord importTarball(InputStream source, ImageReference taggedAs) throws IOException {
        try (ImageStore.Pin pin = store.pin()) {
            Digest blobDigest;
            long blobSize;
            try (BlobWriter blob = store.newBlob()) {
                source.transferTo(blob);
                blobSize = blob.size();
                blobDigest = blob.commit();
            }
            Compression compression = sniff(blobDigest);
            LayerInfo layer = store.importLayer(null, blobDigest, dir -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(store.blobPath(blobDigest)), 1 << 16)) {
                    return LayerUnpacker.unpack(in, compression, dir).diffId();
                }
            });
            Platform host = Platforms.host();
            String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            Config config = new Config(created, host.os(), host.architecture(), host.variant(), RunConfig.empty(),
                    List.of(layer.meta().diffId()));
            byte[] configBytes = ImageJson.write(config);
            Digest id = store.putBlob(configBytes);
            byte[] manifestBytes = ImageJson.write(new Manifest(MediaTypes.OCI_MANIFEST,
                    new Descriptor(MediaTypes.OCI_CONFIG, id, configBytes.length),
                    List.of(new Descriptor(compression.ociMediaType(), blobDigest, blobSize))));
            Digest manifestDigest = store.putBlob(manifestBytes);
            ImageRecord record = new ImageRecord(id, manifestDigest, MediaTypes.OCI_MANIFEST,
                    List.of(layer.chainId()), List.of(blobDigest), host, created, layer.size(), List.of(), List.of());
            store.addImage(record, taggedAs);
            return record;
        }
    }

    private Compression sniff(Digest blob) throws IOException {
        try (InputStream in = Files.newInputStream(store.blobPath(blob))) {
            return Compression.sniff(in.readNBytes(4));
        }
    }
}
