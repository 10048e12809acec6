# found while fixing the fuzzers' findings: huge numbers ran out of heap (toPlainString, format
# padding) or escaped as ArithmeticException
variable "N" { default = 1e999999999 }
target "t" {
  args = {
    a = N
    b = "${1e99999}"
    c = N * N * N * N
    d = N + 1
    e = N % 7
    f = format("%f", N)
    g = format("%999999999d", 1)
    h = format("%.999999999f", 1)
    i = 1e-999999999 + 1
    j = formatlist("%05d", [N])
  }
  tags = [N]
}
