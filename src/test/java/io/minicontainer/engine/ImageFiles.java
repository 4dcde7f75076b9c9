package io.minicontainer.engine;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Fixture passwd and group files of an image, and readers over them. */
final class ImageFiles {
    static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
            app:x:1000:1000:App User,,,:/home/app:/bin/sh
            nohome:x:1001:1001:::/bin/sh
            toor:x:0:0:second root:/toor:/bin/sh
            """;

    static final String GROUP = """
            root:x:0:
            daemon:x:1:
            wheel:x:10:root,app
            www-data:x:33:
            staff:x:50:app,daemon
            docker:x:999:app
            app:x:1000:app
            """;

    static final Function<String, Optional<String>> STANDARD = of(Map.of("/etc/passwd", PASSWD, "/etc/group", GROUP));
    static final Function<String, Optional<String>> NONE = of(Map.of());

    private ImageFiles() {}

    static Function<String, Optional<String>> of(Map<String, String> files) {
        return path -> Optional.ofNullable(files.get(path));
    }
}
