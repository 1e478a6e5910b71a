package io.netmodel.shell.repl;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the REPL keeps its history: {@code $XDG_STATE_HOME/netmodel/history} when that is set
 * (the XDG base directory spec's place for history), else {@code ~/.netmodel_history} like
 * bash's {@code ~/.bash_history}, {@code ~} being {@code $HOME} as for bash (Java's
 * {@code user.home} comes from the password database and ignores it).
 */
public final class HistoryFile {
    private HistoryFile() {
    }

    public static Path path(Map<String, String> env, String userHome) {
        String state = env.get("XDG_STATE_HOME");
        if (state != null && !state.isBlank() && Path.of(state).isAbsolute()) {
            return Path.of(state, "netmodel", "history");
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, ".netmodel_history");
    }
}
