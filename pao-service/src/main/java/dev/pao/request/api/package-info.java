/** The request endpoints and their views. */
package dev.pao.request.api;
