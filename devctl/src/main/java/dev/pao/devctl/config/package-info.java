/**
 * Named contexts (server URL and token) in {@code $XDG_CONFIG_HOME/pao/config.yaml}, and how a
 * command picks one: {@code --context}, then the current context, with {@code PAO_URL} and {@code
 * PAO_TOKEN} overriding.
 */
package dev.pao.devctl.config;
