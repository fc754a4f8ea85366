/** Correlation ids: accepted or generated per HTTP exchange, echoed, and carried into logs. */
package dev.pao.shared.correlation;
