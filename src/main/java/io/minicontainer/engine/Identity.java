package io.minicontainer.engine;

import java.util.List;

/**
 * Who the container's processes are beyond {@code --user}: {@code --group-add} groups (names or gids),
 * and with {@code --userns=auto} ({@code remapped}) a user namespace whose root is an unprivileged host uid.
 */
public record Identity(List<String> groupAdd, boolean remapped) {
    public static final Identity DEFAULT = new Identity(List.of(), false);

    public Identity {
        groupAdd = List.copyOf(groupAdd);
    }

    /** {@code --userns}: {@code host} (or empty) or {@code auto}, as docker's and podman's words. */
    public static Identity parse(List<String> groupAdd, String userns) {
        return switch (userns) {
            case "", "host" -> new Identity(groupAdd, false);
            case "auto" -> new Identity(groupAdd, true);
            default -> throw new EngineException("invalid --userns mode \"" + userns + "\": host or auto");
        };
    }
}
