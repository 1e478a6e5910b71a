package io.netmodel.api.host;

/** Where a module is in its life, as {@code /sys/module/<name>/initstate} spells it. */
public enum ModuleState {
    COMING, LIVE, GOING
}
