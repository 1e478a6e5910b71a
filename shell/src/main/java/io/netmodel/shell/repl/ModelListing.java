package io.netmodel.shell.repl;

import java.util.List;

/**
 * Directory listings of the running model, for completion: {@code ls -pL DIR} as the model
 * answers it, directories (symlinks to directories included) ending in {@code /}.
 */
@FunctionalInterface
public interface ModelListing {
    /** Entries of {@code dir} (an absolute model path); empty when it is not a directory or no model answers. */
    List<String> list(String dir);
}
