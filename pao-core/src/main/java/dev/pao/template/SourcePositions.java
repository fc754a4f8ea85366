package dev.pao.template;

import java.util.Arrays;

/**
 * Turns character offsets of a template source into 1-based line and column numbers. Lines end at
 * {@code \n}; columns count Unicode code points, so an emoji is one column.
 */
final class SourcePositions {

  private final String source;
  private int[] lineStarts;

  SourcePositions(String source) {
    this.source = source;
  }

  int line(int offset) {
    return lineIndex(offset) + 1;
  }

  int column(int offset) {
    int start = lineStarts()[lineIndex(offset)];
    return source.codePointCount(start, Math.min(offset, source.length())) + 1;
  }

  private int lineIndex(int offset) {
    int index = Arrays.binarySearch(lineStarts(), offset);
    return index >= 0 ? index : -index - 2;
  }

  private int[] lineStarts() {
    if (lineStarts == null) {
      int count = 1;
      for (int i = 0; i < source.length(); i++) {
        if (source.charAt(i) == '\n') {
          count++;
        }
      }
      int[] starts = new int[count];
      int line = 1;
      for (int i = 0; i < source.length(); i++) {
        if (source.charAt(i) == '\n') {
          starts[line++] = i + 1;
        }
      }
      lineStarts = starts;
    }
    return lineStarts;
  }
}
