/** The queue commands for operators (role admin): statistics, messages, dead letters, redrive. */
package dev.pao.devctl.queue;
