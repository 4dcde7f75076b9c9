package io.minicontainer.cli;

import io.minicontainer.image.ImageReference;
import java.util.List;

/** {@code minicontainer logout [SERVER]}: forgets the credentials MiniContainer keeps for it. */
final class LogoutCommand implements Command {
    public String name() { return "logout"; }
    public String summary() { return "Log out from a registry"; }
    public String usage() { return "logout [SERVER]"; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        String server = args.positional().isEmpty() ? ImageReference.DOCKER_HUB : args.positional().getFirst();
        boolean removed = Images.quiet(context).logout(server);
        context.out().println(removed ? "Removing login credentials for " + server : "Not logged in to " + server);
        return 0;
    }
}
