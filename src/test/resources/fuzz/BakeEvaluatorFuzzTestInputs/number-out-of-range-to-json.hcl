# found by BakeEvaluatorFuzzTest: a huge number turned into JSON (jsonencode, --print, variable
# defaults) went through BigInteger and threw ArithmeticException
variable "N" { default = 1e999999999 }
variable "L" { default = [1e99999, { a = 1e999999999 }] }
target "t" {
  args = { a = jsonencode(1e999999999), b = jsonencode(L) }
  tags = [N]
}
