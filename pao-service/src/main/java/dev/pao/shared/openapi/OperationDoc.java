package dev.pao.shared.openapi;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What the document says about one operation beyond its annotations.
 *
 * @param operationId the stable name generated clients call it by
 * @param access who may call it
 * @param body the {@code components.schemas} name of its JSON body; {@link #NO_BODY} when it takes
 *     none, {@link #AS_DECLARED} when its body is text or bytes whose declared schema stays
 * @param answers the envelope schema of each success status
 * @param errors the error answers its own checks give; those following from {@code access} and the
 *     body are added by {@link #errorAnswers()}
 */
record OperationDoc(
    String operationId,
    Access access,
    String body,
    Map<String, String> answers,
    Set<ErrorAnswer> errors) {

  static final String NO_BODY = "";
  static final String AS_DECLARED = "*";

  OperationDoc {
    answers = Map.copyOf(answers);
    errors = errors.isEmpty() ? EnumSet.noneOf(ErrorAnswer.class) : EnumSet.copyOf(errors);
  }

  boolean hasBody() {
    return !NO_BODY.equals(body);
  }

  boolean hasSchemaBody() {
    return hasBody() && !AS_DECLARED.equals(body);
  }

  /** Every error answer: the operation's own, plus authentication, role, body size and 500. */
  Set<ErrorAnswer> errorAnswers() {
    Set<ErrorAnswer> all = EnumSet.noneOf(ErrorAnswer.class);
    all.addAll(errors);
    if (access.needsToken() || access == Access.SIGNED) {
      all.add(ErrorAnswer.UNAUTHENTICATED);
    }
    if (access.needsRole()) {
      all.add(ErrorAnswer.FORBIDDEN);
    }
    if (hasBody()) {
      all.add(ErrorAnswer.PAYLOAD_TOO_LARGE);
    }
    all.add(ErrorAnswer.INTERNAL_ERROR);
    return all;
  }
}
