package dev.pipeperf.bake.hcl;

import static dev.pipeperf.bake.hcl.Conversions.toInt;
import static dev.pipeperf.bake.hcl.Conversions.toNum;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Encodings, hashes and UUIDs (go-cty's {@code json.go}, {@code csv.go}, {@code bytes.go}, and
 * terraform's crypto and encoding functions buildx adds).
 */
final class EncodingFunctions extends FunctionFamily {

  private final Random random;

  EncodingFunctions(Map<String, HclFunction> functions, Random random) {
    super(functions);
    this.random = random;
  }

  @Override
  void register() {
    encoding();
  }

  private void encoding() {
    fixed(
        "base64encode",
        1,
        (a, e) ->
            Value.str(
                Base64.getEncoder().encodeToString(s(a, 0).getBytes(StandardCharsets.UTF_8))));
    fixed(
        "base64decode",
        1,
        (a, e) -> {
          try {
            return Value.str(
                new String(Base64.getDecoder().decode(s(a, 0)), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException ex) {
            throw EvalError.of("not valid base64: " + ex.getMessage());
          }
        });
    fixed("md5", 1, (a, e) -> Value.str(hex(digest("MD5", s(a, 0)))));
    fixed("sha1", 1, (a, e) -> Value.str(hex(digest("SHA-1", s(a, 0)))));
    fixed("sha256", 1, (a, e) -> Value.str(hex(digest("SHA-256", s(a, 0)))));
    fixed("sha512", 1, (a, e) -> Value.str(hex(digest("SHA-512", s(a, 0)))));
    fixed(
        "uuidv4",
        0,
        (a, e) -> {
          long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
          long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
          return Value.str(new UUID(hi, lo).toString());
        });
    fixed("uuidv5", 2, (a, e) -> Value.str(uuidv5(s(a, 0), s(a, 1))));
    // bcrypt salts every hash, so buildx's result differs on each run anyway: a stable stand-in
    // in bcrypt's shape keeps files that use it evaluable without pretending to be a real hash.
    range(
        "bcrypt",
        1,
        2,
        (a, e) -> {
          int cost = a.size() == 2 ? toInt(a.get(1)) : 10;
          String body =
              Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", s(a, 0)));
          return Value.str(String.format("$2a$%02d$%s", cost, (body + body).substring(0, 53)));
        });
    variadic(
        "rsadecrypt",
        2,
        (a, e) -> {
          throw EvalError.of("rsadecrypt is not supported: pipeperf does not handle private keys");
        });
    fixed("jsonencode", 1, (a, e) -> Value.str(Json.encode(a.get(0))));
    fixed(
        "jsondecode",
        1,
        (a, e) -> {
          try {
            return Json.parse(s(a, 0));
          } catch (EvalError ex) {
            throw EvalError.of("not valid JSON: " + ex.getMessage());
          }
        });
    fixed("csvdecode", 1, (a, e) -> Csv.decode(s(a, 0)));
    fixed("homedir", 0, (a, e) -> Value.str(System.getProperty("user.home", "")));
    fixed(
        "basename",
        1,
        (a, e) -> {
          String p = s(a, 0).replaceAll("/+$", "");
          if (p.isEmpty()) {
            return Value.str(s(a, 0).isEmpty() ? "." : "/");
          }
          return Value.str(p.substring(p.lastIndexOf('/') + 1));
        });
    fixed(
        "dirname",
        1,
        (a, e) -> {
          String p = s(a, 0);
          int i = p.lastIndexOf('/');
          if (i < 0) {
            return Value.str(".");
          }
          String d = p.substring(0, i).replaceAll("/+$", "");
          return Value.str(d.isEmpty() ? "/" : d);
        });
    fixed("cidrnetmask", 1, (a, e) -> Value.str(Cidr.netmask(s(a, 0))));
    fixed("cidrhost", 2, (a, e) -> Value.str(Cidr.host(s(a, 0), toNum(a.get(1)).toBigInteger())));
    fixed(
        "cidrsubnet",
        3,
        (a, e) -> Value.str(Cidr.subnet(s(a, 0), toInt(a.get(1)), toNum(a.get(2)).toBigInteger())));
    variadic(
        "cidrsubnets",
        1,
        (a, e) -> {
          List<Integer> bits = new ArrayList<>();
          for (Value v : a.subList(1, a.size())) {
            bits.add(toInt(v));
          }
          return Value.tuple(Cidr.subnets(s(a, 0), bits).stream().map(Value::str).toList());
        });
  }

  private static byte[] digest(String alg, String s) {
    try {
      return MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }

  private static final Map<String, String> UUID_NAMESPACES =
      Map.of(
          "dns", "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
          "url", "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
          "oid", "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
          "x500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8");

  private static String uuidv5(String namespace, String name) {
    UUID ns;
    try {
      ns = UUID.fromString(UUID_NAMESPACES.getOrDefault(namespace, namespace));
    } catch (IllegalArgumentException ex) {
      throw EvalError.of("namespace must be dns, url, oid, x500 or a UUID");
    }
    ByteBuffer buf = ByteBuffer.allocate(16);
    buf.putLong(ns.getMostSignificantBits()).putLong(ns.getLeastSignificantBits());
    byte[] nb = name.getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[16 + nb.length];
    System.arraycopy(buf.array(), 0, in, 0, 16);
    System.arraycopy(nb, 0, in, 16, nb.length);
    byte[] h;
    try {
      h = MessageDigest.getInstance("SHA-1").digest(in);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer out = ByteBuffer.wrap(h, 0, 16);
    return new UUID(out.getLong(), out.getLong()).toString();
  }
}
