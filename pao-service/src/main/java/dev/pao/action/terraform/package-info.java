/** The terraform action: runs in Terraform Cloud / Enterprise workspaces. */
package dev.pao.action.terraform;
