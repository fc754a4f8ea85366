/** Request persistence (JPA on PostgreSQL). */
package dev.pao.request.infra;
