package dev.pao.audit.application;

import dev.pao.audit.domain.AuditEntry;
import dev.pao.audit.domain.AuditReads;
import dev.pao.shared.domain.ListingParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code GET /audit} and its export: audit events of every request and of none (catalog syncs,
 * webhooks, service accounts), newest first with ties broken by id, filtered by request, actor,
 * type (exact, or a prefix such as {@code request.*}) and time, in cursor pages like every other
 * listing's.
 */
@ApplicationScoped
public class AuditQuery {
  /** How many events the export reads per query. */
  static final int EXPORT_CHUNK = 500;

  private static final Pattern TYPE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*(\\.\\*)?|\\*");

  @Inject AuditReads reads;

  protected AuditQuery() {}

  AuditQuery(AuditReads reads) {
    this.reads = reads;
  }

  /** Filters as the caller wrote them; null means "any". */
  public record Filter(String requestId, String actor, String type, String since, String until) {}

  /** One page and the cursor of the next (null on the last page). */
  public record Page(List<AuditEntry> events, String nextCursor) {}

  public Page list(Filter filter, String cursor, int limit) {
    AuditReads.Listing listing = listing(filter, position(cursor), ListingParameters.limit(limit));
    AuditReads.Slice slice = reads.page(listing);
    List<AuditEntry> events = slice.events();
    String next = slice.more() && !events.isEmpty() ? cursor(events.get(events.size() - 1)) : null;
    return new Page(events, next);
  }

  /**
   * Checks the filters at once (so a bad one answers 400 before anything is streamed), then returns
   * the export that hands every matching event to a consumer, newest first, {@link #EXPORT_CHUNK}
   * at a time.
   */
  public Export export(Filter filter) {
    AuditReads.Listing first = listing(filter, null, EXPORT_CHUNK);
    return sink -> {
      AuditReads.Listing listing = first;
      while (true) {
        AuditReads.Slice slice = reads.page(listing);
        slice.events().forEach(sink);
        if (!slice.more() || slice.events().isEmpty()) {
          return;
        }
        AuditEntry last = slice.events().get(slice.events().size() - 1);
        listing = withPosition(listing, new AuditReads.Position(last.occurredAt(), last.id()));
      }
    };
  }

  /** The events an export will hand out once run. */
  @FunctionalInterface
  public interface Export {
    void run(Consumer<AuditEntry> sink);
  }

  static AuditReads.Listing listing(Filter filter, AuditReads.Position after, int limit) {
    String type = blankToNull(filter.type());
    String exact = null;
    String prefix = null;
    if (type != null) {
      if (!TYPE.matcher(type).matches()) {
        throw ListingParameters.invalid(
            "type", "an event type (request.submitted) or a prefix ending in .* (request.*)");
      }
      if (type.equals("*")) {
        type = null;
      } else if (type.endsWith(".*")) {
        prefix = type.substring(0, type.length() - 1);
      } else {
        exact = type;
      }
    }
    return new AuditReads.Listing(
        requestId(blankToNull(filter.requestId())),
        blankToNull(filter.actor()),
        exact,
        prefix,
        ListingParameters.instant("since", blankToNull(filter.since())),
        ListingParameters.instant("until", blankToNull(filter.until())),
        after,
        limit);
  }

  private static AuditReads.Listing withPosition(
      AuditReads.Listing listing, AuditReads.Position after) {
    return new AuditReads.Listing(
        listing.requestId(),
        listing.actor(),
        listing.type(),
        listing.typePrefix(),
        listing.since(),
        listing.until(),
        after,
        listing.limit());
  }

  private static UUID requestId(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ListingParameters.invalid("request_id", "a request id (UUID)");
    }
  }

  static String cursor(AuditEntry last) {
    return ListingParameters.cursor(last.occurredAt(), String.valueOf(last.id()));
  }

  static AuditReads.Position position(String cursor) {
    ListingParameters.Position position = ListingParameters.position(cursor);
    if (position == null) {
      return null;
    }
    try {
      return new AuditReads.Position(position.at(), Long.parseLong(position.id()));
    } catch (NumberFormatException e) {
      throw ListingParameters.invalid("cursor", "not a cursor this API gave out");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
