package io.netmodel.shell.cmd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.Main;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command registered in {@code Main}, now and later, has what its {@code --help} and the
 * generated pages need: a description, a description for each option and parameter, and an
 * example in its footer, whose lines fit the terminal width picocli prints them in.
 */
class CommandHelpTest {
    /** picocli's usage width: a longer footer line is wrapped wherever it reaches the edge. */
    private static final int WIDTH = 80;

    @Test
    void every_command_has_a_description_described_options_and_an_example() {
        List<String> missing = new ArrayList<>();
        walk(Main.commandLine(), missing);
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    private static void walk(CommandLine cl, List<String> missing) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName();
        boolean helpCommand = spec.userObject() instanceof CommandLine.HelpCommand;
        if (!spec.usageMessage().hidden() && !helpCommand) {
            if (String.join("", spec.usageMessage().description()).isBlank()) {
                missing.add(name + ": no description");
            }
            if (!String.join("\n", spec.usageMessage().footer()).contains("Example")) {
                missing.add(name + ": no Examples footer");
            }
            for (String line : spec.usageMessage().footer()) {
                if (line.length() > WIDTH) {
                    missing.add(name + ": footer line over " + WIDTH + " columns (picocli breaks it mid-phrase): " + line);
                }
            }
            for (OptionSpec o : spec.options()) {
                if (!o.hidden() && String.join("", o.description()).isBlank()) {
                    missing.add(name + " " + o.longestName() + ": no description");
                }
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden() && String.join("", p.description()).isBlank()) {
                    missing.add(name + " " + p.paramLabel() + ": no description");
                }
            }
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, missing));
    }
}
