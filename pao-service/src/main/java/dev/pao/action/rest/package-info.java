/** The rest action: templated HTTP calls to allowed hosts. */
package dev.pao.action.rest;
