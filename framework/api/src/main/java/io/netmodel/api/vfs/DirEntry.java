package io.netmodel.api.vfs;

/** One name in a directory listing with its kind ({@code d_type}), so walkers need no {@code stat}. */
public record DirEntry(String name, NodeKind kind) {
}
