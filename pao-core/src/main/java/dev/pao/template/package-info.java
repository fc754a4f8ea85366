/**
 * The template engine: the {@code {{.namespace.path | function ...}}} language every string of a
 * catalog action is written in.
 *
 * <h2>Language</h2>
 *
 * <ul>
 *   <li>References: {@code {{.current.name}}}, {@code {{ .current.network.vpc }}}, {@code
 *       {{.output.dbTicketKey}}}, {@code {{.metadata.postgres-database.version}}}, {@code
 *       {{.system.user.email}}}. Spaces, tabs and line breaks are allowed inside the braces. Names
 *       are {@code [A-Za-z_][A-Za-z0-9_-]*}.
 *   <li>Pipes: {@code {{ .current.tags | join "," | upper }}}. Arguments are double-quoted strings
 *       with the escapes {@code \" \\ \/ \n \t \r} and <code>&#92;u</code> followed by four hex
 *       digits, or integers.
 *   <li>Functions: {@code default "x"} (when missing or empty), {@code upper}, {@code lower},
 *       {@code trim}, {@code join ","}, {@code replace "a" "b"}, {@code slug}, {@code truncate N}
 *       (code points), {@code urlencode} (RFC 3986), {@code base64} (UTF-8, padded), {@code json},
 *       {@code quote} (a JSON string literal).
 *   <li>Literal braces: a pair of braces holding only a string literal is that literal text, as in
 *       Go templates, so <code>{{"{{"}}</code> writes <code>{{</code>. A lone <code>}}</code>
 *       outside an expression is ordinary text.
 * </ul>
 *
 * <h2>Phases</h2>
 *
 * <ol>
 *   <li>Parse ({@link dev.pao.template.TemplateEngine#parse}): a {@link dev.pao.template.Template}
 *       whose {@link dev.pao.template.Template#references()} are the dependency graph. Syntax
 *       errors throw {@link dev.pao.template.TemplateException} with the 1-based line and column.
 *   <li>Validate ({@link dev.pao.template.TemplateEngine#validate(Template, TemplateContext)}):
 *       references against a {@link dev.pao.template.TemplateContext} (declared fields, outputs of
 *       earlier actions, known items, system keys) and functions against their signatures; problems
 *       are returned, not thrown.
 *   <li>Resolve: values come from the four maps of {@link dev.pao.template.Namespaces}; a missing
 *       value is the empty string; lists join with {@code ,}, maps render as JSON, integral numbers
 *       have no {@code .0}.
 *   <li>Transform: functions, then escaping for the target {@link dev.pao.template.Escaping}.
 *       Sensitive {@code .current} values are replaced by {@code ***} in the masked output.
 * </ol>
 *
 * <h2>Safety</h2>
 *
 * Templates are data: no method calls on values, no reflection, no loops, no access outside the
 * four maps. Source size, expressions, pipe length, path depth, value depth, output size and total
 * work are bounded by {@link dev.pao.template.TemplateLimits}; exceeding one is a {@link
 * dev.pao.template.TemplateException}. The package uses nothing beyond the JDK.
 */
package dev.pao.template;
