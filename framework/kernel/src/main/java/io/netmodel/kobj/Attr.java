package io.netmodel.kobj;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.VfsException;
import java.util.List;

/**
 * One row of an attribute table, like {@code static DEVICE_ATTR_RW(mtu)} in net-sysfs.c:
 * name, mode, show, store, and the kernel behaviour that makes the file exist. A table is
 * declared once, next to the concept it shows, and instantiated per object with
 * {@link #populate}.
 *
 * @param <T> the object the attribute shows (a netdev, a sysctl set, ...)
 */
public record Attr<T>(String name, int mode, Show<T> show, Store<T> store, Behaviour since) {

    /** Renders the value of {@code obj}, newline included. */
    @FunctionalInterface
    public interface Show<T> {
        String show(T obj) throws VfsException;
    }

    /** Parses, validates and applies one write to {@code obj}; returns bytes consumed. */
    @FunctionalInterface
    public interface Store<T> {
        int store(T obj, byte[] data, Caller caller) throws VfsException;
    }

    /** A read-only (0444) attribute. */
    public static <T> Attr<T> ro(String name, Show<T> show) {
        return new Attr<>(name, 0444, show, null, null);
    }

    /** A read-write (0644) attribute. */
    public static <T> Attr<T> rw(String name, Show<T> show, Store<T> store) {
        return new Attr<>(name, 0644, show, store, null);
    }

    /** The same attribute with another mode (e.g. 0600). */
    public Attr<T> mode(int newMode) {
        return new Attr<>(name, newMode, show, store, since);
    }

    /** The same attribute, present only from the release that introduced {@code behaviour}. */
    public Attr<T> since(Behaviour behaviour) {
        return new Attr<>(name, mode, show, store, behaviour);
    }

    public boolean existsIn(KernelProfile profile) {
        return since == null || profile.has(since);
    }

    /** Creates the files of {@code table} that exist in {@code profile}, bound to {@code obj}. */
    public static <T> void populate(KDir dir, T obj, List<Attr<T>> table, KernelProfile profile,
                                    KAttr.Flavor flavor) {
        for (Attr<T> a : table) {
            if (!a.existsIn(profile)) {
                continue;
            }
            KAttr.Store store = a.store == null ? null : (data, caller) -> a.store.store(obj, data, caller);
            dir.attr(a.name, a.mode, flavor, () -> a.show.show(obj), store);
        }
    }
}
