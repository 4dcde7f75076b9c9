package io.minicontainer.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerManifestJsonTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatDockerSkopeoAndPodmanWrite() {
        // docker < 25 (with Parent and LayerSources), then skopeo's form, then an untagged image
        String json = """
                [{"Config":"4fd1.json","RepoTags":["busybox:latest","busybox:1"],"Layers":["a1/layer.tar"],
                  "Parent":"sha256:77","LayerSources":{"sha256:aa":{"mediaType":"x","size":1,"digest":"sha256:aa"}}},
                 {"Config":"dd9f.json","RepoTags":["docker.io/test/bb:1"],"Layers":["a7d2.tar","b8e3.tar"]},
                 {"Config":"blobs/sha256/cc","RepoTags":null,"Layers":[]}]
                """;
        List<DockerManifestJson.Entry> entries = DockerManifestJson.parse(bytes(json));
        assertThat(entries).containsExactly(
                new DockerManifestJson.Entry("4fd1.json", List.of("busybox:latest", "busybox:1"), List.of("a1/layer.tar")),
                new DockerManifestJson.Entry("dd9f.json", List.of("docker.io/test/bb:1"), List.of("a7d2.tar", "b8e3.tar")),
                new DockerManifestJson.Entry("blobs/sha256/cc", List.of(), List.of()));
    }

    @Test
    void writesDockersBytes() {
        byte[] written = DockerManifestJson.write(List.of(
                new DockerManifestJson.Entry("blobs/sha256/c1", List.of("busybox:latest"), List.of("blobs/sha256/l1")),
                new DockerManifestJson.Entry("blobs/sha256/c2", List.of(), List.of("blobs/sha256/l1", "blobs/sha256/l2"))));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(
                "[{\"Config\":\"blobs/sha256/c1\",\"RepoTags\":[\"busybox:latest\"],\"Layers\":[\"blobs/sha256/l1\"]},"
                        + "{\"Config\":\"blobs/sha256/c2\",\"RepoTags\":null,"
                        + "\"Layers\":[\"blobs/sha256/l1\",\"blobs/sha256/l2\"]}]\n");
    }

    @Test
    void whatIsWrittenReadsBack() {
        List<DockerManifestJson.Entry> entries = List.of(
                new DockerManifestJson.Entry("c.json", List.of("a:1", "127.0.0.1:5000/x/y:2"), List.of("l.tar")));
        assertThat(DockerManifestJson.parse(DockerManifestJson.write(entries))).isEqualTo(entries);
    }

    @Test
    void repositoriesAreSortedByNameAndTag() {
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        repositories.put("zeta", Map.of("1", "aa"));
        repositories.put("busybox", new LinkedHashMap<>(Map.of("latest", "bb")));
        repositories.get("busybox").put("1.36", "bb");
        assertThat(new String(DockerManifestJson.writeRepositories(repositories), StandardCharsets.UTF_8))
                .isEqualTo("{\"busybox\":{\"1.36\":\"bb\",\"latest\":\"bb\"},\"zeta\":{\"1\":\"aa\"}}\n");
    }

    @Test
    void malformedDocumentsAreOneLineErrorsNamingThePlace() {
        assertThatThrownBy(() -> DockerManifestJson.parse(bytes("{}"))).isInstanceOf(JsonException.class)
                .hasMessage("manifest.json: expected an array");
        assertThatThrownBy(() -> DockerManifestJson.parse(bytes("[]"))).hasMessage("manifest.json lists no image");
        assertThatThrownBy(() -> DockerManifestJson.parse(bytes("[{\"Layers\":[]}]")))
                .hasMessage("manifest.json[0]: missing Config");
        assertThatThrownBy(() -> DockerManifestJson.parse(bytes("[{\"Config\":\"c\",\"Layers\":[1]}]")))
                .hasMessage("manifest.json[0]: Layers[0]: expected a string");
    }
}
