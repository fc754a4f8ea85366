package dev.pao.sqs.ra;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one class logs while a test runs, with their parameters filled in. */
final class CapturedLog extends Handler implements AutoCloseable {
  /** One record: its level and its formatted message. */
  record Entry(Level level, String message) {}

  private final Logger logger;
  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  private CapturedLog(Class<?> source) {
    logger = Logger.getLogger(source.getName());
    logger.addHandler(this);
  }

  static CapturedLog of(Class<?> source) {
    return new CapturedLog(source);
  }

  /** The messages logged at {@code level} that contain {@code text}. */
  List<String> at(Level level, String text) {
    return entries.stream()
        .filter(entry -> entry.level().equals(level) && entry.message().contains(text))
        .map(Entry::message)
        .toList();
  }

  @Override
  public void publish(LogRecord record) {
    String message =
        record.getParameters() == null
            ? record.getMessage()
            : MessageFormat.format(record.getMessage(), record.getParameters());
    entries.add(new Entry(record.getLevel(), message));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
