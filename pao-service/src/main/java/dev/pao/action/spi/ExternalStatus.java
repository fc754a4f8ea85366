package dev.pao.action.spi;

/**
 * The live state of an external item: the external system's own status name, and PAO's fulfilment
 * view of it ({@code open}, {@code in_progress}, {@code done}, or {@code unknown}).
 */
public record ExternalStatus(String externalStatus, String fulfilment) {}
