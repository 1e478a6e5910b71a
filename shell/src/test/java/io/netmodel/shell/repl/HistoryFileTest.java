package io.netmodel.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryFileTest {
    @Test
    void home_is_HOME_before_the_password_databases() {
        assertEquals(Path.of("/h/.netmodel_history"), HistoryFile.path(Map.of("HOME", "/h"), "/home/u"));
        assertEquals(Path.of("/s/netmodel/history"), HistoryFile.path(Map.of("HOME", "/h", "XDG_STATE_HOME", "/s"), "/home/u"));
    }

    @Test
    void xdg_state_home_when_set_and_absolute_else_the_home_directory() {
        assertEquals(Path.of("/s/netmodel/history"), HistoryFile.path(Map.of("XDG_STATE_HOME", "/s"), "/home/u"));
        assertEquals(Path.of("/home/u/.netmodel_history"), HistoryFile.path(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.netmodel_history"), HistoryFile.path(Map.of("XDG_STATE_HOME", "rel"), "/home/u"),
            "the XDG spec ignores relative paths");
        assertEquals(Path.of("/home/u/.netmodel_history"), HistoryFile.path(Map.of("XDG_STATE_HOME", ""), "/home/u"));
    }
}
