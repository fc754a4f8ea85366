package dev.pao.catalog.load;

import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.validation.DocumentValidator;
import dev.pao.catalog.yaml.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warns of teams that access rules, approvers and policies name but the catalog does not know (no
 * document is owned by them and no CODEOWNERS rule names them): most likely a typo that would lock
 * everyone out. Only a warning: teams come from the identity provider, which the catalog cannot
 * see.
 */
final class TeamReferences {
  private TeamReferences() {}

  static List<Rejection> unknown(DocumentValidator.Parsed parsed, Set<String> known) {
    List<Rejection> warnings = new ArrayList<>();
    Map<String, Object> spec = ReadOnly.mapAt(parsed.definition(), "spec");
    check(parsed, ReadOnly.mapAt(spec, "access"), "spec.access", known, warnings);
    check(
        parsed,
        ReadOnly.mapAt(ReadOnly.mapAt(spec, "approval"), "approvers"),
        "spec.approval.approvers",
        known,
        warnings);
    List<?> components = ReadOnly.listAt(spec, "components");
    for (int i = 0; i < components.size(); i++) {
      if (components.get(i) instanceof Map<?, ?> component
          && component.get("approval") instanceof Map<?, ?> approval
          && approval.get("approvers") instanceof Map<?, ?> approvers) {
        check(parsed, approvers, "spec.components[" + i + "].approval.approvers", known, warnings);
      }
    }
    List<?> rules = ReadOnly.listAt(spec, "rules");
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) instanceof Map<?, ?> rule) {
        check(parsed, rule, "spec.rules[" + i + "]", known, warnings);
      }
    }
    return warnings;
  }

  private static void check(
      DocumentValidator.Parsed parsed,
      Map<?, ?> holder,
      String at,
      Set<String> known,
      List<Rejection> warnings) {
    if (!(holder.get("teams") instanceof List<?> teams)) {
      return;
    }
    for (int i = 0; i < teams.size(); i++) {
      String team = String.valueOf(teams.get(i));
      if (!known.contains(team)) {
        String path = at + ".teams[" + i + "]";
        Position position = parsed.yaml().positionOf(path);
        warnings.add(
            new Rejection(
                parsed.file(),
                position.line(),
                position.column(),
                path,
                "team '"
                    + team
                    + "' owns no catalog document and is in no CODEOWNERS rule; is it spelled"
                    + " right?"));
      }
    }
  }
}
