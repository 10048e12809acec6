# found by BakeEvaluatorFuzzTest (Jazzer regex-injection sanitizer): an invalid user pattern
target "t" {
  tags = regexall("[0-9.+][]", "1.2.3")
  args = { a = regex_replace("1.2", "(", "x") }
}
