package dev.pao.devctl.session;

import dev.pao.devctl.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A shell completion script for the whole command tree. The script picocli generates serves bash
 * and, through bashcompinit, zsh.
 */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script.",
      "bash: source <(devctl completion bash)   zsh: source <(devctl completion zsh)"
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells a script can be generated for. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("devctl", spec.root().commandLine());
    if (shell == Shell.zsh) {
      script =
          "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
              + script;
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
