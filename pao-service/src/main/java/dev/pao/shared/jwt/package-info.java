/**
 * JWT signing (RS256 with jose4j) shared by the features that mint tokens: GitHub App
 * authentication and development-mode tokens.
 */
package dev.pao.shared.jwt;
