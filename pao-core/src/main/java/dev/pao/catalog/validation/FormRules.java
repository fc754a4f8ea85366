package dev.pao.catalog.validation;

import dev.pao.catalog.document.ReadOnly;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic rules of a form: field and group ids unique, patterns that compile, lengths and ranges
 * that make sense, options where a field needs them, and defaults that satisfy their own field.
 */
final class FormRules {
  private FormRules() {}

  static void check(Map<String, Object> form, List<Problem> problems) {
    Set<String> topLevel = new HashSet<>();
    List<?> fields = ReadOnly.listAt(form, "fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i) instanceof Map<?, ?> field
          && !topLevel.add(String.valueOf(field.get("id")))) {
        problems.add(
            Problem.at(
                "spec.form.fields[" + i + "].id", "duplicate field id '" + field.get("id") + "'"));
      }
    }
    List<?> groups = ReadOnly.listAt(form, "groups");
    for (int g = 0; g < groups.size(); g++) {
      if (!(groups.get(g) instanceof Map<?, ?> group)) {
        continue;
      }
      if (!topLevel.add(String.valueOf(group.get("id")))) {
        problems.add(
            Problem.at(
                "spec.form.groups[" + g + "].id",
                "group id '" + group.get("id") + "' is already used by a field or group"));
      }
      Set<String> inGroup = new HashSet<>();
      List<?> inner = group.get("fields") instanceof List<?> list ? list : List.of();
      for (int i = 0; i < inner.size(); i++) {
        if (inner.get(i) instanceof Map<?, ?> field
            && !inGroup.add(String.valueOf(field.get("id")))) {
          problems.add(
              Problem.at(
                  "spec.form.groups[" + g + "].fields[" + i + "].id",
                  "duplicate field id '"
                      + field.get("id")
                      + "' in group '"
                      + group.get("id")
                      + "'"));
        }
      }
    }
    for (FormFields.Field field : FormFields.of(form)) {
      checkField(field, problems);
    }
  }

  private static void checkField(FormFields.Field field, List<Problem> problems) {
    Map<String, Object> definition = field.definition();
    String at = field.location();
    String type = field.type();
    boolean textual = Set.of("string", "text", "email", "url").contains(type);
    boolean choice = type.equals("select") || type.equals("multiselect");
    boolean numeric = type.equals("integer") || type.equals("number");
    if (definition.get("pattern") instanceof String regex) {
      if (!textual) {
        problems.add(Problem.at(at + ".pattern", "pattern applies to text fields only"));
      }
      LinearPatterns.compile(regex)
          .refusal()
          .ifPresent(
              refusal ->
                  problems.add(
                      Problem.at(
                          at + ".pattern",
                          "pattern "
                              + Shown.value(regex, 200)
                              + " of field '"
                              + field.path()
                              + "' is refused: "
                              + refusal
                              + " (patterns run in linear time: no backreferences, lookaround"
                              + " or possessive quantifiers)")));
    }
    if ((definition.containsKey("minLength") || definition.containsKey("maxLength")) && !textual) {
      problems.add(Problem.at(at, "minLength/maxLength apply to text fields only"));
    }
    if ((definition.containsKey("min") || definition.containsKey("max")) && !numeric) {
      problems.add(Problem.at(at, "min/max apply to integer and number fields only"));
    }
    for (String bound : List.of("min", "max")) {
      if (definition.get(bound) instanceof Number limit
          && !(Numbers.isFinite(limit) && Numbers.inRange(Numbers.decimal(limit)))) {
        problems.add(
            Problem.at(
                at + "." + bound,
                bound + " " + Shown.value(limit, 60) + " is out of range (1e-300 to 1e300)"));
      }
    }
    if (definition.get("min") instanceof Number min
        && definition.get("max") instanceof Number max
        && Numbers.isFinite(min)
        && Numbers.isFinite(max)
        && Numbers.decimal(min).compareTo(Numbers.decimal(max)) > 0) {
      problems.add(Problem.at(at + ".min", "min is greater than max"));
    }
    if (definition.get("minLength") instanceof Number min
        && definition.get("maxLength") instanceof Number max
        && min.longValue() > max.longValue()) {
      problems.add(Problem.at(at + ".minLength", "minLength is greater than maxLength"));
    }
    if (choice && !definition.containsKey("options")) {
      problems.add(Problem.at(at, "a " + type + " field needs options"));
    }
    if (!choice && definition.containsKey("options")) {
      problems.add(Problem.at(at + ".options", "options apply to select and multiselect only"));
    }
    List<Object> values = FormFields.optionValues(definition);
    if (new HashSet<>(values).size() != values.size()) {
      problems.add(Problem.at(at + ".options", "option values must be unique"));
    }
    if (definition.containsKey("default") && definition.get("default") != null) {
      FieldValueRules.check(definition, definition.get("default"))
          .ifPresent(
              issue ->
                  problems.add(
                      Problem.at(at + ".default", "default does not satisfy its field: " + issue)));
    }
  }
}
