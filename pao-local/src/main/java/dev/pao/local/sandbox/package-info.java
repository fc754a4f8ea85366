/** The sandbox: in-memory stand-ins for JIRA, GitHub, Terraform Cloud and sample REST targets. */
package dev.pao.local.sandbox;
