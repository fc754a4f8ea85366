/** Platform tools: validate catalog documents, preview forms, test variable substitution. */
package dev.pao.tools;
