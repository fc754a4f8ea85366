/**
 * PAO, the Platform Automation Orchestrator. Packages by capability: {@code catalog}, {@code
 * template}, {@code request}, {@code queue}, {@code action}, {@code audit}, {@code security},
 * {@code health}, and the small {@code shared} kernel.
 */
package dev.pao;
