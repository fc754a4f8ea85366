/** The request aggregate: requests, their planned actions, and the state machine. */
package dev.pao.request.domain;
