/**
 * Service accounts: registration and revocation with their audit events, authentication of signed
 * calls (with replay refusal through the database), and the item scope of their submissions.
 */
package dev.pao.serviceaccount.application;
