package dev.pao.devctl.queue;

import picocli.CommandLine.Command;

/** The queue commands (role admin). */
@Command(
    name = "queue",
    description = "Look at the action queue and its dead-letter queue (role admin).",
    subcommands = {
      QueueStatsCommand.class,
      QueueMessagesCommand.class,
      QueueDlqCommand.class,
      QueueRedriveCommand.class
    })
public final class QueueCommand {}
