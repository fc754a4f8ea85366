/**
 * devctl, the PAO command line: the command tree (one class per verb), the environment it runs in
 * and its exit codes. Offline catalog commands run pao-core's validation and template engine; the
 * others use only the public API.
 */
package dev.pao.devctl;
