/** Development mode: locally minted tokens, impossible to enable by accident. */
package dev.pao.security.dev;
