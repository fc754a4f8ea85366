package dev.pao.devctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.devctl.output.Table;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TableTest {
  private static final Table TABLE =
      Table.of("ID", "STATUS", "DESCRIPTION")
          .row("a1", "completed", "a rather long description that does not fit a narrow terminal")
          .row("b22", "failed", "short");

  @Test
  void columnsAreAlignedAndNothingIsCutWhenThereIsRoom() {
    String text = TABLE.render(Integer.MAX_VALUE, UnaryOperator.identity(), (c, p) -> p);
    String[] lines = text.split("\n");
    assertEquals("ID   STATUS     DESCRIPTION", lines[0]);
    assertEquals("b22  failed     short", lines[2]);
    assertTrue(lines[1].endsWith("narrow terminal"));
  }

  @Test
  void theWidestColumnIsCutToFitTheTerminal() {
    String text = TABLE.render(40, UnaryOperator.identity(), (c, p) -> p);
    for (String line : text.split("\n")) {
      assertTrue(line.length() <= 40, line);
    }
    assertTrue(text.contains("…"));
  }
}
