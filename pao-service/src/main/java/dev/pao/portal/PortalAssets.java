package dev.pao.portal;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The portal's static files under {@code /assets/} with a content hash each. The page refers to
 * every file as {@code /assets/name?v=<hash>} (modules through an import map), so a changed file
 * gets a new address and an unchanged one may be cached for good.
 */
final class PortalAssets {
  static final String PREFIX = "/assets/";
  private static final String ATTRIBUTE = PortalAssets.class.getName();

  private final Map<String, String> versions;

  private PortalAssets(Map<String, String> versions) {
    this.versions = versions;
  }

  /** The assets of this application, hashed once. */
  static synchronized PortalAssets of(ServletContext context) {
    Object known = context.getAttribute(ATTRIBUTE);
    if (known instanceof PortalAssets assets) {
      return assets;
    }
    Map<String, String> versions = new TreeMap<>();
    Set<String> paths = context.getResourcePaths(PREFIX);
    if (paths != null) {
      for (String path : paths) {
        if (!path.endsWith("/")) {
          versions.put(path, hash(context, path));
        }
      }
    }
    PortalAssets assets = new PortalAssets(Map.copyOf(versions));
    context.setAttribute(ATTRIBUTE, assets);
    return assets;
  }

  /** Every asset path ({@code /assets/app.js}) with its version. */
  Map<String, String> versions() {
    return new TreeMap<>(versions);
  }

  /** The versioned address of an asset. */
  String address(String path) {
    String version = versions.get(path);
    return version == null ? path : path + "?v=" + version;
  }

  /** Whether {@code version} is the current content hash of {@code path}. */
  boolean current(String path, String version) {
    return version != null && version.equals(versions.get(path));
  }

  private static String hash(ServletContext context, String path) {
    try (InputStream in = context.getResourceAsStream(path)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(in.readAllBytes());
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
