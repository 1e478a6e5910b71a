package io.netmodel.shell.repl;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether this process talks to a person: stdin and stdout are a terminal. */
public final class Interactive {
    private Interactive() {
    }

    /**
     * {@code isatty(0) && isatty(1)}: on Java 17..21 {@link System#console()} is non-null
     * exactly then; from Java 22 it is always there and {@code Console.isTerminal()} tells.
     */
    public static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before Java 22: non-null means a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
