package io.minicontainer.it.registry;

/** OCI image-spec or Docker schema 2 media types (the documents have the same shape). */
public enum ImageFormat {
    OCI("application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.config.v1+json", "application/vnd.oci.image.layer.v1.tar+gzip", "oci"),
    DOCKER("application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.container.image.v1+json", "application/vnd.docker.image.rootfs.diff.tar.gzip", "v2s2");

    static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
    static final String IN_TOTO = "application/vnd.in-toto+json";

    private final String manifestMediaType;
    private final String indexMediaType;
    private final String configMediaType;
    private final String gzipLayerMediaType;
    private final String skopeoFormat;

    ImageFormat(String manifest, String index, String config, String gzipLayer, String skopeoFormat) {
        this.manifestMediaType = manifest;
        this.indexMediaType = index;
        this.configMediaType = config;
        this.gzipLayerMediaType = gzipLayer;
        this.skopeoFormat = skopeoFormat;
    }

    public String manifestMediaType() {
        return manifestMediaType;
    }

    /** The OCI index, or Docker's manifest list. */
    public String indexMediaType() {
        return indexMediaType;
    }

    public String configMediaType() {
        return configMediaType;
    }

    public String gzipLayerMediaType() {
        return gzipLayerMediaType;
    }

    /** The value of skopeo's {@code --format}. */
    public String skopeoFormat() {
        return skopeoFormat;
    }
}
