package io.minicontainer.cli;

import io.minicontainer.runtime.Launcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that drive the whole CLI in-process: the launcher is in dry-run mode and the helper path does not
 * exist, so even a run that got through could not replace the test's JVM. The properties are restored after.
 */
final class DryRunLauncher implements BeforeAllCallback, AfterAllCallback {
    private static final List<String> PROPERTIES = List.of(Launcher.DRY_RUN_PROPERTY, "minicontainer.helper");

    private final Map<String, String> saved = new HashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        PROPERTIES.forEach(property -> saved.put(property, System.getProperty(property)));
        System.setProperty(Launcher.DRY_RUN_PROPERTY, "true");
        System.setProperty("minicontainer.helper", "/nonexistent/minicontainer-helper");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }
}
