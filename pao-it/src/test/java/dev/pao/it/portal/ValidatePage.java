package dev.pao.it.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Validate a document": paste YAML, see its errors at their lines. */
public final class ValidatePage {
  private final Browser browser;

  private ValidatePage(Browser browser) {
    this.browser = browser;
    browser.awaitHeading("Validate a document");
  }

  public static ValidatePage open(Browser browser) {
    browser.open("#/platform/validate");
    return new ValidatePage(browser);
  }

  /** Validates the text and answers the verdict shown. */
  public String validate(String yaml) {
    WebElement text = browser.find(By.id("document"));
    text.clear();
    // Set as a value: typing YAML would let the browser auto-indent nothing, but is slow.
    browser.script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
        text,
        yaml);
    browser.find(By.id("validate")).click();
    return browser.find(By.cssSelector("#validation-result > *")).getText();
  }
}
