/** Who devctl talks to and as whom: login, whoami, contexts, and shell completion. */
package dev.pao.devctl.session;
