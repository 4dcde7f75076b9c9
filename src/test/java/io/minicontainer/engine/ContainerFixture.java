package io.minicontainer.engine;

import io.minicontainer.state.ContainerRecord;
import io.minicontainer.state.ProcessIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Containers on disk without the helper: a record, a name, and a status. A "running" one names this very
 * test JVM as its process and monitor, so every check of the recorded identities finds them alive.
 */
public final class ContainerFixture {
    private final ContainerLayout layout;

    public ContainerFixture(ContainerLayout layout) {
        this.layout = layout;
    }

    public String running(String name, Map<String, Object> hostConfig) {
        long pid = ProcessHandle.current().pid();
        String me = "pid=" + pid + "\npid_start=" + ProcessIdentity.startTicks(pid) + "\n";
        return create(name, hostConfig, "state=running\n" + me + me.replace("pid", "monitor")
                + "boot_id=" + ProcessIdentity.currentBootId() + "\nstarted_at=2026-01-01T00:00:01Z\n");
    }

    public String exited(String name, Map<String, Object> hostConfig) {
        return create(name, hostConfig, "state=exited\nexit_code=0\nstarted_at=2026-01-01T00:00:01Z\n"
                + "finished_at=2026-01-01T00:00:02Z\n");
    }

    /** A full id derived from the name, so tests know it in advance. */
    public static String idOf(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String create(String name, Map<String, Object> hostConfig, String status) {
        String id = idOf(name);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Id", id);
        json.put("Name", name);
        json.put("Created", "2026-01-01T00:00:00Z");
        json.put("Config", Map.of("Image", "busybox"));
        json.put("HostConfig", hostConfig);
        try {
            Files.createDirectories(layout.containerDir(id));
            Files.createDirectories(layout.namesDir());
            Files.writeString(layout.nameFile(name), id);
            Files.writeString(layout.containerDir(id).resolve("status"), status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        layout.containers().writeRecord(new ContainerRecord(json));
        return id;
    }
}
