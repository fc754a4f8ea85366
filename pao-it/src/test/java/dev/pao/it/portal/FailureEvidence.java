package dev.pao.it.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.logging.LogType;

/** Keeps what the browser showed when a test failed: a screenshot, the page text, its console. */
public final class FailureEvidence implements TestWatcher {
  private final Supplier<Browser> browser;

  public FailureEvidence(Supplier<Browser> browser) {
    this.browser = browser;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Browser current = browser.get();
    if (current == null) {
      return;
    }
    String name = "FAILED-" + context.getRequiredTestMethod().getName();
    try {
      current.screenshot(name);
      String console =
          current.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(String::valueOf)
              .collect(Collectors.joining("\n"));
      Files.writeString(
          Browser.SCREENSHOTS.resolve(name + ".txt"),
          current.driver().getCurrentUrl()
              + "\n\n"
              + current.driver().getPageSource()
              + "\n\nConsole:\n"
              + console);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      System.err.println("No failure evidence for " + name + ": " + e);
    }
  }
}
