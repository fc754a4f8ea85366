/** The local stack: PAO with an embedded PostgreSQL and ElasticMQ, for a laptop and the tests. */
package dev.pao.local;
