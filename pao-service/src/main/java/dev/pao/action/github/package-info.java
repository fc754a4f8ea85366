/**
 * The github-commit and github-workflow actions on github.com or GitHub Enterprise, through the
 * typed {@link dev.pao.action.github.GitHubApi} client of each instance (a token, or a GitHub App's
 * installation token from {@link dev.pao.action.github.GitHubAppTokens}); {@link
 * dev.pao.action.github.GitHubErrors} classifies GitHub's error answers, {@link
 * dev.pao.action.github.GitHubConfiguration} reads the instances.
 */
package dev.pao.action.github;
