/** The github-commit and github-workflow actions on github.com or GitHub Enterprise. */
package dev.pao.action.github;
