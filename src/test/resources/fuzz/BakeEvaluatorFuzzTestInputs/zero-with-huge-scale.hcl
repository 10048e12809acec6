# found by BakeEvaluatorFuzzTest (a hang): zero with a huge exponent passed the range check, and
# adding it to 1 aligned the scales into a 100-million-digit integer
variable "Z" { default = 0e-99999999 }
target "t" { args = { a = 1 + Z, b = 0e999999999 * 2, c = format("%d", 0e-99999) } }
