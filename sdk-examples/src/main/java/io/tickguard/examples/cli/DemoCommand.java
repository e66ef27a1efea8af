package io.tickguard.examples.cli;

import io.tickguard.examples.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tickguard demo}: the guided tour of every protection, against the embedded sandbox. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "A guided tour: pinned TLS, a signed call, token rotation, a throttled burst, and three attacks refused.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  TickGuardCli root;

  @Override
  public Integer call() {
    return run(root.context());
  }

  int run(CliContext context) {
    return Demo.run(context.out()) == 0 ? ExitCodes.OK : ExitCodes.CALL_FAILED;
  }
}
