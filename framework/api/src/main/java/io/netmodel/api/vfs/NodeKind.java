package io.netmodel.api.vfs;

/** What a path names. */
public enum NodeKind {
    DIRECTORY, FILE, SYMLINK
}
