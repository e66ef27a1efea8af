package io.tickguard.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tickguard login saxo}: logs in to a provider whose API has no keys, only user sessions. */
@Command(name = "login", mixinStandardHelpOptions = true, description = "Log in to a provider that uses OAuth user sessions (saxo).",
    subcommands = {LoginSaxoCommand.class})
final class LoginCommand implements Callable<Integer> {
  @ParentCommand
  TickGuardCli root;

  @Spec
  CommandSpec spec;

  /** Without a provider: a usage error naming it. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name the provider: login saxo");
  }
}
