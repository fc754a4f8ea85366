/**
 * How devctl prints: {@code --output table|json|yaml}, tables sized to the terminal (plain off a
 * terminal), colours only on a terminal and never with {@code NO_COLOR}, and error reports.
 */
package dev.pao.devctl.output;
