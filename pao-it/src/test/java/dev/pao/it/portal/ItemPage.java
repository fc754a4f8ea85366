package dev.pao.it.portal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An item or bundle: its description, steps, generated form, preview and submit. */
public final class ItemPage {
  private final Browser browser;

  public ItemPage(Browser browser) {
    this.browser = browser;
    browser.find(By.id("request-form"));
  }

  public static ItemPage open(Browser browser, String id) {
    browser.open("#/items/" + id);
    return new ItemPage(browser);
  }

  public String heading() {
    return browser.find(By.cssSelector("main h1")).getText();
  }

  /** The "what happens" section: steps in plain words, bundle components in order. */
  public String whatHappens() {
    return browser.find(By.cssSelector("section[aria-labelledby='what-heading']")).getText();
  }

  private static String id(String path) {
    return "field-" + path.replace('.', '-');
  }

  public WebElement input(String path) {
    return browser.find(By.id(id(path)));
  }

  public ItemPage type(String path, String text) {
    WebElement input = input(path);
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /** Puts a long value in at once (as a paste would), firing the input event. */
  public ItemPage paste(String path, String text) {
    browser.script(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
        input(path),
        text);
    return this;
  }

  /** The error summary above the form, waiting for one. */
  public String errorSummary() {
    return browser.find(By.id("form-errors")).getText();
  }

  public ItemPage choose(String path, String label) {
    new Select(input(path)).selectByVisibleText(label);
    return this;
  }

  /** Clicks "Check and preview". */
  public ItemPage preview() {
    browser.find(By.id("preview-button")).click();
    return this;
  }

  /** The error shown on a field, waiting for one. */
  public String fieldError(String path) {
    return browser.find(By.id(id(path) + "-error")).getText();
  }

  public List<String> summaryErrors() {
    browser.find(By.id("form-errors"));
    return browser.all(By.cssSelector("#form-errors li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Waits for the preview and answers its text. */
  public String previewText() {
    return browser.find(By.id("preview")).getText();
  }

  /** Submits the request and waits for its page. */
  public RequestPage submit() {
    browser.find(By.id("submit-button")).click();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> browser.driver().getCurrentUrl().matches(".*#/requests/[0-9a-f-]{36}$"));
    return new RequestPage(browser);
  }
}
