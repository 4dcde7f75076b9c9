package io.minicontainer.engine;

import java.util.List;

/** Who the container's processes are beyond {@code --user}: {@code --group-add} groups (names or gids). */
public record Identity(List<String> groupAdd) {
    public static final Identity DEFAULT = new Identity(List.of());

    public Identity {
        groupAdd = List.copyOf(groupAdd);
    }
}
