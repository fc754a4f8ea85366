/**
 * Identity and access: the {@link dev.pao.security.CurrentUser} derived from the verified JWT
 * (subject, e-mail, name, teams, roles), the {@link dev.pao.security.Role}s and how groups map to
 * them ({@link dev.pao.security.IdentitySettings}: only team groups are teams, roles only from
 * configured groups or the {@code pao_roles} claim), the annotations that mark public endpoints and
 * required roles, and the guard every resource method passes, answering in the API's error
 * envelope.
 */
package dev.pao.security;
