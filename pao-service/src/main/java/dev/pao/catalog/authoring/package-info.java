/**
 * Catalog authoring tools for platform engineers ({@code /api/v1/tools}, role {@code platform}):
 * validating a posted catalog document exactly as a sync would, previewing its form and fully
 * rendered actions with sample form data, and rendering a single template against supplied
 * namespaces. Nothing posted here is ever published or stored.
 */
package dev.pao.catalog.authoring;
