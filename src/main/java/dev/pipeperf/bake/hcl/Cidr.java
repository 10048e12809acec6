package dev.pipeperf.bake.hcl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The IPv4 part of cty's cidr functions. */
final class Cidr {

  private Cidr() {}

  private record Prefix(long address, int bits) {}

  private static Prefix parse(String cidr) {
    String[] parts = cidr.split("/");
    String[] octets = parts[0].split("\\.");
    if (parts.length != 2 || octets.length != 4) {
      throw EvalError.of("invalid IPv4 CIDR address \"" + cidr + "\"");
    }
    try {
      long a = 0;
      for (String o : octets) {
        int x = Integer.parseInt(o);
        if (x < 0 || x > 255) {
          throw new NumberFormatException();
        }
        a = (a << 8) | x;
      }
      int bits = Integer.parseInt(parts[1]);
      if (bits < 0 || bits > 32) {
        throw new NumberFormatException();
      }
      long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
      return new Prefix(a & mask, bits);
    } catch (NumberFormatException e) {
      throw EvalError.of("invalid IPv4 CIDR address \"" + cidr + "\"");
    }
  }

  private static String ip(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }

  static String netmask(String cidr) {
    Prefix p = parse(cidr);
    return ip(p.bits() == 0 ? 0 : (0xFFFFFFFFL << (32 - p.bits())) & 0xFFFFFFFFL);
  }

  static String host(String cidr, BigInteger num) {
    Prefix p = parse(cidr);
    long size = 1L << (32 - p.bits());
    long n = num.longValue();
    if (n < 0) {
      n += size;
    }
    if (n < 0 || n >= size) {
      throw EvalError.of("prefix of " + p.bits() + " bits does not accommodate host " + num);
    }
    return ip(p.address() + n);
  }

  static String subnet(String cidr, int newbits, BigInteger num) {
    Prefix p = parse(cidr);
    int bits = p.bits() + newbits;
    if (newbits < 0 || bits > 32) {
      throw EvalError.of("cannot extend a /" + p.bits() + " prefix by " + newbits + " bits");
    }
    long n = num.longValue();
    if (n < 0 || n >= (1L << newbits)) {
      throw EvalError.of(
          "prefix extension of " + newbits + " bits does not accommodate subnet " + num);
    }
    return ip(p.address() | (n << (32 - bits))) + "/" + bits;
  }

  static List<String> subnets(String cidr, List<Integer> newbits) {
    Prefix p = parse(cidr);
    List<String> out = new ArrayList<>();
    long next = p.address();
    long end = p.address() + (1L << (32 - p.bits()));
    for (int nb : newbits) {
      int bits = p.bits() + nb;
      if (nb < 1 || bits > 32) {
        throw EvalError.of("cannot extend a /" + p.bits() + " prefix by " + nb + " bits");
      }
      long size = 1L << (32 - bits);
      long start = (next + size - 1) / size * size;
      if (start + size > end) {
        throw EvalError.of(
            "not enough remaining address space for a subnet with a prefix of " + bits + " bits");
      }
      out.add(ip(start) + "/" + bits);
      next = start + size;
    }
    return out;
  }
}
