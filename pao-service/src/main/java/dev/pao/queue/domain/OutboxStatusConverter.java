package dev.pao.queue.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link OutboxStatus} as its wire name. */
@Converter
public class OutboxStatusConverter implements AttributeConverter<OutboxStatus, String> {
  @Override
  public String convertToDatabaseColumn(OutboxStatus status) {
    return status == null ? null : status.wireName();
  }

  @Override
  public OutboxStatus convertToEntityAttribute(String value) {
    return value == null ? null : OutboxStatus.fromWireName(value);
  }
}
