package dev.pao.request.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link ActionStatus} as its wire name. */
@Converter
public class ActionStatusConverter implements AttributeConverter<ActionStatus, String> {
  @Override
  public String convertToDatabaseColumn(ActionStatus status) {
    return status == null ? null : status.wireName();
  }

  @Override
  public ActionStatus convertToEntityAttribute(String value) {
    return value == null ? null : ActionStatus.fromWireName(value);
  }
}
