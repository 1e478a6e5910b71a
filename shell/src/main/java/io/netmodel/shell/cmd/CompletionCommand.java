package io.netmodel.shell.cmd;

import io.netmodel.shell.Main;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netmodel completion bash}: the bash completion script picocli's {@link AutoComplete}
 * generates from the same command model the CLI runs, so every registered command, option and
 * fixed value completes. (Device names and model paths complete inside {@code netmodel shell},
 * which asks the running model.)
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for netmodel.",
        "bash: source it, or save it as a bash-completion file. zsh can source the same script"
            + " after 'autoload -U +X bashcompinit && bashcompinit'."},
    footer = {"", "Examples:",
        "  source <(netmodel completion bash)                    this shell only",
        "  netmodel completion bash > ~/.local/share/bash-completion/completions/netmodel",
        "  netmodel completion bash | sudo tee /etc/bash_completion.d/netmodel >/dev/null"})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells whose completion picocli generates. */
    public enum Shell { bash }

    @Parameters(index = "0", paramLabel = "SHELL", description = "Which shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("netmodel", Main.commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
