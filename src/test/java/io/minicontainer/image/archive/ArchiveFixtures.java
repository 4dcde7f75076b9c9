package io.minicontainer.image.archive;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Layers, configs and docker-archives made in memory, for loading into a real store. */
final class ArchiveFixtures {
    private ArchiveFixtures() {}

    /** Unpacking sets owners (0:0 here), which needs root; these tests run as root like the layer tests. */
    static void assumeRoot() {
        try {
            assumeTrue((int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A layer tar holding one file {@code name} with {@code content}. */
    static byte[] layer(String name, String content) {
        return new ArchiveTar().file(name, content).bytes();
    }

    static byte[] config(String cmd, byte[]... layerTars) {
        String diffIds = List.of(layerTars).stream().map(tar -> "\"" + Digest.of(tar) + "\"")
                .collect(Collectors.joining(","));
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-02T03:04:05Z\","
                + "\"config\":{\"Cmd\":[\"" + cmd + "\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A docker-archive as skopeo and podman write it: CONFIG.json, layers as HEX.tar (the first one
     * gzip-compressed, as docker-archives may have them) reached through ID/layer.tar symlinks.
     */
    static byte[] dockerArchive(String repoTag, byte[] config, byte[]... layerTars) {
        ArchiveTar tar = new ArchiveTar();
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < layerTars.length; i++) {
            byte[] file = i == 0 ? ArchiveTar.gzip(layerTars[i]) : layerTars[i];
            String hex = Digest.of(file).hex();
            tar.file(hex + ".tar", file).symlink("id" + i + "/layer.tar", "../" + hex + ".tar");
            layers.append(i == 0 ? "" : ",").append("\"id").append(i).append("/layer.tar\"");
        }
        String configName = Digest.of(config).hex() + ".json";
        String tags = repoTag == null ? "null" : "[\"" + repoTag + "\"]";
        tar.file(configName, config).file("manifest.json",
                "[{\"Config\":\"" + configName + "\",\"RepoTags\":" + tags + ",\"Layers\":[" + layers + "]}]");
        return tar.bytes();
    }
}
