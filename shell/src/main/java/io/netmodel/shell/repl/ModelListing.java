package io.netmodel.shell.repl;

import java.util.List;

/**
 * What completion asks the running model: directory listings ({@code ls -pL DIR} as the model
 * answers it, directories, symlinks to directories included, ending in {@code /}) and the names
 * of its probes ({@code trace --list}).
 */
@FunctionalInterface
public interface ModelListing {
    /** Entries of {@code dir} (an absolute model path); empty when it is not a directory or no model answers. */
    List<String> list(String dir);

    /** The model's probe names, as {@code netmodel trace --list} prints them; empty when no model answers. */
    default List<String> probes() {
        return List.of();
    }
}
