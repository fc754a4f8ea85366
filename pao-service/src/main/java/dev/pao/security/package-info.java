/**
 * Identity and access: the caller from the verified JWT, roles, and the guard every resource
 * passes.
 */
package dev.pao.security;
