package dev.pao.request.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RequestStatus} as its wire name. */
@Converter
public class RequestStatusConverter implements AttributeConverter<RequestStatus, String> {
  @Override
  public String convertToDatabaseColumn(RequestStatus status) {
    return status == null ? null : status.wireName();
  }

  @Override
  public RequestStatus convertToEntityAttribute(String value) {
    return value == null ? null : RequestStatus.fromWireName(value);
  }
}
