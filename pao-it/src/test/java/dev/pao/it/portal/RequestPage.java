package dev.pao.it.portal;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** One request: status, timeline, outputs, log and the decisions its state allows. */
public final class RequestPage {
  private final Browser browser;

  public RequestPage(Browser browser) {
    this.browser = browser;
    browser.find(By.id("request-status"));
  }

  public static RequestPage open(Browser browser, String id) {
    browser.open("#/requests/" + id);
    return new RequestPage(browser);
  }

  public String id() {
    String url = browser.driver().getCurrentUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** Waits, without reloading the page, until the live status reads {@code status}. */
  public RequestPage awaitStatus(String status, Duration within) {
    browser.awaitText(By.cssSelector("#request-status [data-status='" + status + "']"), "", within);
    return this;
  }

  public String timeline() {
    return browser.find(By.id("timeline")).getText();
  }

  /** The external links of the timeline (JIRA tickets, runs, pull requests): text and address. */
  public List<String> externalLinks() {
    return browser.all(By.cssSelector("#timeline .external-ref a")).stream()
        .map(link -> link.getText() + " " + link.getAttribute("href"))
        .toList();
  }

  public boolean offersDecisions() {
    return !browser.all(By.id("retry")).isEmpty()
        || !browser.all(By.id("abort")).isEmpty()
        || !browser.all(By.id("escalate")).isEmpty();
  }

  /** Asks for a retry, reads its dry-run preview, and confirms it; answers the preview text. */
  public String retry() {
    browser.find(By.id("retry")).click();
    String plan = browser.find(By.id("retry-plan")).getText();
    browser.find(By.id("confirm-retry")).click();
    return plan;
  }

  public RequestPage abort(String reason) {
    reason(reason);
    browser.find(By.id("abort")).click();
    return this;
  }

  public RequestPage escalate(String reason) {
    reason(reason);
    browser.find(By.id("escalate")).click();
    return this;
  }

  private void reason(String reason) {
    WebElement input = browser.find(By.id("decision-reason"));
    input.clear();
    input.sendKeys(reason);
  }

  /** Waits until the log (audit trail) shows {@code text}, e.g. a decision's reason. */
  public RequestPage awaitLog(String text) {
    browser.awaitText(By.id("log"), text);
    return this;
  }
}
