/**
 * The terraform action: runs in Terraform Cloud / Enterprise workspaces through the typed {@link
 * dev.pao.action.terraform.TerraformApi} client; {@link dev.pao.action.terraform.TerraformErrors}
 * classifies the API's error answers, {@link dev.pao.action.terraform.TerraformConfiguration} reads
 * the instances.
 */
package dev.pao.action.terraform;
