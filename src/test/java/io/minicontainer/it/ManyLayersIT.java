package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.it.registry.Auth;
import io.minicontainer.it.registry.BusyboxLayer;
import io.minicontainer.it.registry.Compression;
import io.minicontainer.it.registry.ImageBuilder;
import io.minicontainer.it.registry.ImageFormat;
import io.minicontainer.it.registry.ImagePusher;
import io.minicontainer.it.registry.LocalRegistry;
import io.minicontainer.it.registry.OciLayout;
import io.minicontainer.it.registry.Platform;
import io.minicontainer.it.registry.PushedImage;
import io.minicontainer.it.registry.RunSettings;
import io.minicontainer.it.registry.TarBuilder;
import io.minicontainer.it.registry.TarContent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An image whose layer paths overflow the one page that mount(2) takes for options (docker allows
 * 127 layers): the engine links them under short names, the launch plan names those relative to
 * their parent, and every layer must be visible in order.
 */
class ManyLayersIT extends ContainerTest {
    private static final int LAYERS = 120;

    @Test
    void aHundredAndTwentyLayersAreStackedInOrder() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Auth.NONE, root)) {
            List<TarContent> layers = new ArrayList<>(List.of(BusyboxLayer.tar()));
            List<String> history = new ArrayList<>(List.of("busybox"));
            for (int i = 1; i < LAYERS; i++) {
                // each layer adds its own file and overwrites the shared one: the top layer must win
                layers.add(new TarBuilder().dir("/layers", 0755).file("/layers/" + i, "layer " + i + "\n", 0644)
                        .file("/layers/top", "layer " + i + "\n", 0644));
                history.add("layer " + i);
            }
            OciLayout layout = OciLayout.create(registry.newScratchDir("many-"));
            PushedImage image = ImagePusher.push(registry, layout, ImageBuilder.image(layout, ImageFormat.OCI,
                    Platform.host(), RunSettings.BUSYBOX, Compression.GZIP, layers, history), ImageFormat.OCI,
                    "test/many:1");

            Cli.Result run = cli.run("run", "--rm", image.reference(), "sh", "-c", "ls /layers | wc -l; cat /layers/top");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).isEqualTo(LAYERS + "\nlayer " + (LAYERS - 1) + "\n");
        }
    }
}
