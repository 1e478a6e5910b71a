package io.netmodel.fsmount;

import jnr.ffi.Struct;

/**
 * The byte offset of a jnr-ffi struct field. {@code offset()} lives on
 * {@code Struct.AbstractMember}, a protected nested class, so only a {@link Struct} subclass
 * may call it; this one is never instantiated.
 */
final class FieldOffset extends Struct {
    private FieldOffset() {
        super(jnr.ffi.Runtime.getSystemRuntime());
    }

    static long of(Struct.Padding field) {
        return field.offset();
    }
}
