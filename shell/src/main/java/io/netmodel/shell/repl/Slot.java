package io.netmodel.shell.repl;

import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the word under the cursor fills in a command line: an option name, an option's value
 * or a positional parameter of {@link #command}, as picocli's model of that command says.
 *
 * @param command the innermost (sub)command the words before the cursor selected
 * @param arg the option or positional parameter the word is a value of; empty for an option
 *            name or a word no parameter takes
 * @param optionName whether the word is (the start of) an option name
 * @param previous the word before the cursor ({@code ""} at the start), for syntaxes such as
 *                 {@code ip link show dev NAME} that name a device by a keyword
 */
public record Slot(CommandSpec command, Optional<ArgSpec> arg, boolean optionName, String previous) {

    /** The parameter's label without picocli's angle brackets, upper case ({@code PATH}, {@code DEVNAME}). */
    public String label() {
        return arg.map(a -> a.paramLabel().replaceAll("[<>.]", "").toUpperCase(Locale.ROOT)).orElse("");
    }
}
