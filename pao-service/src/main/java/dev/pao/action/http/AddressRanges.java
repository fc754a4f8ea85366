package dev.pao.action.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Address ranges in CIDR notation ({@code 127.0.0.0/8}, {@code ::1/128}, {@code 10.20.0.0/16}; a
 * bare address is a range of one), as configured in {@code pao.http.allowed-networks}.
 */
public final class AddressRanges {
  private final List<Range> ranges;

  private AddressRanges(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  public static final AddressRanges NONE = new AddressRanges(List.of());

  /** Parses the entries; an entry that is not a literal address or CIDR range is refused. */
  public static AddressRanges parse(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      if (!address.matches("[0-9A-Fa-f:.]+")) {
        throw new IllegalArgumentException(
            "'" + entry + "' is not an address range (like 10.0.0.0/8 or ::1/128)");
      }
      byte[] bytes;
      try {
        // A literal address only: no name lookup happens for these characters.
        bytes = InetAddress.getByName(address).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("'" + entry + "' is not an address range", e);
      }
      int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException("'" + entry + "' has an impossible prefix length");
      }
      ranges.add(new Range(bytes, bits));
    }
    return new AddressRanges(ranges);
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  private record Range(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
