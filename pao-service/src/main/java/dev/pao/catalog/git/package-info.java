/**
 * The catalog repository: reading catalog documents and the CODEOWNERS file at the head of a branch
 * with JGit, from a remote URL or a local path.
 */
package dev.pao.catalog.git;
