package dev.pao.it.portal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The catalog: search box, filters and cards. */
public final class CatalogPage {
  private final Browser browser;

  public CatalogPage(Browser browser) {
    this.browser = browser;
    browser.awaitHeading("Catalog");
    browser.find(By.id("result-count"));
  }

  public static CatalogPage open(Browser browser) {
    browser.open("#/");
    return new CatalogPage(browser);
  }

  /** Replaces the search words. */
  public CatalogPage search(String words) {
    WebElement box = browser.find(By.id("q"));
    // Select and delete, as a person would: clear() alone fires no input event.
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    box.sendKeys(words);
    return this;
  }

  public CatalogPage filter(String name, String value) {
    new Select(browser.find(By.id(name))).selectByValue(value);
    return this;
  }

  public CatalogPage clearFilters() {
    for (String name : List.of("category", "tag", "owner", "kind")) {
      new Select(browser.find(By.id(name))).selectByValue("");
    }
    return search("");
  }

  /** Waits until the cards shown are exactly these ids, in order. */
  public void awaitCards(List<String> ids) {
    await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> cardIds().equals(ids));
  }

  public void awaitSomeCards() {
    await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> !cardIds().isEmpty());
  }

  public List<String> cardIds() {
    return browser.all(By.cssSelector("#catalog-cards > li")).stream()
        .map(card -> card.getAttribute("data-id"))
        .toList();
  }

  public String cardText(String id) {
    return browser.find(By.cssSelector("#catalog-cards > li[data-id='" + id + "']")).getText();
  }

  public ItemPage openCard(String id) {
    browser.find(By.cssSelector("#catalog-cards > li[data-id='" + id + "'] h2 a")).click();
    return new ItemPage(browser);
  }
}
